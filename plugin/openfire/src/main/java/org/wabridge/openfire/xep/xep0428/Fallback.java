/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0428;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.MalformedElementException;
import org.xmpp.packet.Message;

/** A fallback marker for one namespace with the body ranges it covers (code point offsets, end exclusive). */
public record Fallback(String forNamespace, List<Range> bodyRanges) {

    public static final String NAMESPACE = "urn:xmpp:fallback:0";
    public static final String ELEMENT = "fallback";

    /** A range {@code [start, end)} of Unicode code points of the body; both empty means the whole body. */
    public record Range(Optional<Integer> start, Optional<Integer> end) {
        public Range {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (start.isPresent() != end.isPresent() || start.isPresent() && (start.get() < 0 || end.get() < start.get())) {
                throw new IllegalArgumentException("bad fallback range " + start + ".." + end);
            }
        }

        public static Range of(int start, int end) {
            return new Range(Optional.of(start), Optional.of(end));
        }

        public static Range whole() {
            return new Range(Optional.empty(), Optional.empty());
        }
    }

    public Fallback {
        Elements.checkId(forNamespace, "fallback 'for'");
        bodyRanges = List.copyOf(bodyRanges);
    }

    /**
     * @return the fallback for {@code forNamespace} in the message, if any
     * @throws MalformedElementException if a range is not two non-negative ordered integers
     */
    public static Optional<Fallback> from(Message message, String forNamespace) throws MalformedElementException {
        for (Element e : message.getElement().elements()) {
            if (ELEMENT.equals(e.getName()) && NAMESPACE.equals(e.getNamespaceURI())
                    && forNamespace.equals(e.attributeValue("for"))) {
                List<Range> ranges = new ArrayList<>();
                for (Element body : e.elements()) {
                    if ("body".equals(body.getName())) {
                        ranges.add(range(body));
                    }
                }
                if (ranges.isEmpty()) {
                    ranges.add(Range.whole()); // no <body/> child: the whole body is fallback
                }
                return Optional.of(new Fallback(forNamespace, ranges));
            }
        }
        return Optional.empty();
    }

    /**
     * @return the namespaces the message's fallback markers are for, in document order; a marker without
     *         {@code for} (the XEP's first version) is listed as the empty string
     */
    public static List<String> namespaces(Message message) {
        List<String> out = new ArrayList<>();
        for (Element e : message.getElement().elements()) {
            if (ELEMENT.equals(e.getName()) && NAMESPACE.equals(e.getNamespaceURI())) {
                String forNamespace = e.attributeValue("for");
                out.add(forNamespace == null ? "" : forNamespace);
            }
        }
        return out;
    }

    /**
     * @return the body without the fallback ranges; ranges beyond the end are clipped to the body
     */
    public String strip(String body) {
        int[] cps = body.codePoints().toArray();
        boolean[] drop = new boolean[cps.length];
        for (Range r : bodyRanges) {
            int from = r.start().orElse(0);
            int to = Math.min(r.end().orElse(cps.length), cps.length);
            for (int i = from; i < to; i++) {
                drop[i] = true;
            }
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < cps.length; i++) {
            if (!drop[i]) {
                out.appendCodePoint(cps[i]);
            }
        }
        return out.toString();
    }

    public Element toElement() {
        Element e = Elements.create(ELEMENT, NAMESPACE);
        e.addAttribute("for", forNamespace);
        bodyRanges.stream().sorted(Comparator.comparing(r -> r.start().orElse(0))).forEach(r -> {
            Element b = e.addElement("body");
            r.start().ifPresent(s -> b.addAttribute("start", Integer.toString(s)));
            r.end().ifPresent(s -> b.addAttribute("end", Integer.toString(s)));
        });
        return e;
    }

    private static Range range(Element body) throws MalformedElementException {
        String start = body.attributeValue("start");
        String end = body.attributeValue("end");
        if (start == null && end == null) {
            return Range.whole();
        }
        try {
            return Range.of(Integer.parseInt(start), Integer.parseInt(end));
        } catch (NumberFormatException | NullPointerException e) {
            throw new MalformedElementException(NAMESPACE, "fallback body range is not two integers");
        } catch (IllegalArgumentException e) {
            throw new MalformedElementException(NAMESPACE, e.getMessage());
        }
    }
}
