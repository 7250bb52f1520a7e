/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.portability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Finds every reference in compiled classes to a member or type of {@link ForbiddenApiList}: method calls
 * (also through a subtype of the listed owner, resolved with the test class path, where xmppserver 4.2.0
 * is), and any mention of a listed type in supertypes, descriptors, generic signatures, instructions,
 * constants, catch blocks and bootstrap handles.
 */
final class ReferenceScanner {

    /** One forbidden reference: where it is and which list entry it hits. */
    record Violation(String inClass, String where, String reference, ForbiddenApiList.Entry entry) {
        @Override
        public String toString() {
            return inClass.replace('/', '.') + " (" + where + ") references " + reference + ": forbidden by line "
                    + entry.line() + " (" + entry.display() + ") because " + entry.reason();
        }
    }

    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([^;<]+)[;<]");

    private final List<ForbiddenApiList.Entry> entries;
    private final ClassLoader hierarchy;

    ReferenceScanner(List<ForbiddenApiList.Entry> entries, ClassLoader hierarchy) {
        this.entries = List.copyOf(entries);
        this.hierarchy = hierarchy;
    }

    /** Scans every {@code .class} file below a directory. */
    List<Violation> scanDirectory(Path classes) throws IOException {
        List<Violation> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                try (InputStream in = Files.newInputStream(file)) {
                    found.addAll(scanClass(in));
                }
            }
        }
        return found;
    }

    List<Violation> scanClass(InputStream classFile) throws IOException {
        ClassReader reader = new ClassReader(classFile);
        Collector collector = new Collector(reader.getClassName());
        reader.accept(collector, 0);
        return collector.violations;
    }

    private final class Collector extends ClassVisitor {
        private final String className;
        private final List<Violation> violations = new ArrayList<>();
        private final Set<String> seen = new LinkedHashSet<>();

        Collector(String className) {
            super(Opcodes.ASM9);
            this.className = className;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            type("class header", superName);
            if (interfaces != null) {
                for (String i : interfaces) {
                    type("class header", i);
                }
            }
            descriptor("class signature", signature);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor("field " + name, descriptor);
            descriptor("field " + name, signature);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            String where = "method " + name;
            descriptor(where, descriptor);
            descriptor(where, signature);
            if (exceptions != null) {
                for (String e : exceptions) {
                    type(where, e);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                    call(where, owner, member);
                    descriptor(where, desc);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    type(where, owner);
                    descriptor(where, desc);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    typeOrArray(where, type);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(where, value);
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dims) {
                    descriptor(where, desc);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    type(where, type);
                }

                @Override
                public void visitLocalVariable(String local, String desc, String sig, Label s, Label e, int index) {
                    descriptor(where, desc);
                    descriptor(where, sig);
                }

                @Override
                public void visitInvokeDynamicInsn(String member, String desc, Handle bsm, Object... args) {
                    descriptor(where, desc);
                    constant(where, bsm);
                    for (Object arg : args) {
                        constant(where, arg);
                    }
                }
            };
        }

        private void constant(String where, Object value) {
            if (value instanceof Type type) {
                descriptor(where, type.getDescriptor());
            } else if (value instanceof Handle handle) {
                call(where, handle.getOwner(), handle.getName());
                descriptor(where, handle.getDesc());
            }
        }

        private void typeOrArray(String where, String internalNameOrArray) {
            if (internalNameOrArray.startsWith("[")) {
                descriptor(where, internalNameOrArray);
            } else {
                type(where, internalNameOrArray);
            }
        }

        private void descriptor(String where, String descriptor) {
            if (descriptor == null) {
                return;
            }
            Matcher m = TYPE_IN_DESCRIPTOR.matcher(descriptor);
            while (m.find()) {
                type(where, m.group(1));
            }
        }

        private void type(String where, String internalName) {
            if (internalName == null) {
                return;
            }
            for (ForbiddenApiList.Entry entry : entries) {
                boolean hit = switch (entry.kind()) {
                    case TYPE -> internalName.equals(entry.owner());
                    case PACKAGE -> internalName.startsWith(entry.owner());
                    case METHOD -> false;
                };
                if (hit) {
                    add(where, internalName.replace('/', '.'), entry);
                }
            }
        }

        private void call(String where, String owner, String member) {
            type(where, owner);
            for (ForbiddenApiList.Entry entry : entries) {
                if (entry.kind() == ForbiddenApiList.Kind.METHOD && entry.member().equals(member)
                        && isSameOrSubtype(owner, entry.owner())) {
                    add(where, owner.replace('/', '.') + "#" + member, entry);
                }
            }
        }

        private void add(String where, String reference, ForbiddenApiList.Entry entry) {
            if (seen.add(where + "|" + reference + "|" + entry.line())) {
                violations.add(new Violation(className, where, reference, entry));
            }
        }
    }

    /** True if {@code owner} is {@code listed} or extends/implements it (unresolvable owners only match exactly). */
    private boolean isSameOrSubtype(String owner, String listed) {
        if (owner.equals(listed)) {
            return true;
        }
        if (owner.startsWith("[")) {
            return false;
        }
        try {
            Class<?> ownerClass = Class.forName(owner.replace('/', '.'), false, hierarchy);
            Class<?> listedClass = Class.forName(listed.replace('/', '.'), false, hierarchy);
            return listedClass.isAssignableFrom(ownerClass);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
