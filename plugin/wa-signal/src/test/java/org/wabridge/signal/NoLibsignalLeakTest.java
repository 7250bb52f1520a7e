/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** style.md rule 4: no libsignal type crosses the adapter's public surface. */
class NoLibsignalLeakTest {

    private static final List<Class<?>> PUBLIC_CLASSES = List.of(LibsignalCrypto.class, LibsignalCryptoFactory.class);

    @Test
    void publicSignaturesMentionNoLibsignalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC_CLASSES) {
            for (Method method : type.getMethods()) {
                check(leaks, method.toGenericString(), method.getGenericReturnType());
                for (Type parameter : method.getGenericParameterTypes()) {
                    check(leaks, method.toGenericString(), parameter);
                }
                for (Class<?> thrown : method.getExceptionTypes()) {
                    check(leaks, method.toGenericString(), thrown);
                }
            }
            for (Constructor<?> constructor : type.getConstructors()) {
                for (Type parameter : constructor.getGenericParameterTypes()) {
                    check(leaks, constructor.toGenericString(), parameter);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void onlyTheFactoryAndThePortImplementationArePublic() throws Exception {
        for (String name : List.of("LibsignalStoreConnector", "OperationRunner", "LibsignalErrors",
                "LibsignalPreKeys", "LibsignalGroups")) {
            Class<?> type = Class.forName("org.wabridge.signal." + name);
            assertTrue(!Modifier.isPublic(type.getModifiers()), name + " should not be public");
        }
        assertEquals(0, LibsignalCrypto.class.getConstructors().length, "open it through the factory");
    }

    private static void check(List<String> leaks, String member, Type type) {
        if (type.getTypeName().contains("org.signal.")) {
            leaks.add(member);
        }
    }
}
