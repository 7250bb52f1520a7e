/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;

/** Stream errors and stream end, literal nodes from whatsapp-protocol.md §5.12. */
class StreamErrorTest {

    @Test
    void restartRequiredIs515() throws Exception {
        Node expected = Node.builder("stream:error").attr("code", "515").build();
        assertEquals(expected, StreamError.restartRequired().toNode());
        assertEquals(StreamError.Kind.RESTART_REQUIRED, StreamError.fromNode(expected).kind());
    }

    @Test
    void serviceUnavailableAndTokenCodes() throws Exception {
        assertEquals(StreamError.Kind.SERVICE_UNAVAILABLE,
                StreamError.fromNode(Node.builder("stream:error").attr("code", "503").build()).kind());
        assertEquals(StreamError.Kind.TOKEN_EXPIRED,
                StreamError.fromNode(Node.builder("stream:error").attr("code", "413").build()).kind());
        assertEquals(StreamError.Kind.TOKEN_INVALID,
                StreamError.fromNode(Node.builder("stream:error").attr("code", "414").build()).kind());
    }

    @Test
    void deviceRemovedIs401WithConflict() throws Exception {
        // §5.12: code="401" with <conflict type="device_removed"/>
        Node expected = Node.builder("stream:error").attr("code", "401")
                .child(Node.builder("conflict").attr("type", "device_removed").build()).build();
        assertEquals(expected, StreamError.deviceRemoved().toNode());
        assertEquals(StreamError.Kind.DEVICE_REMOVED, StreamError.fromNode(expected).kind());
    }

    @Test
    void replacedIsConflictReplaced() throws Exception {
        Node expected = Node.builder("stream:error")
                .child(Node.builder("conflict").attr("type", "replaced").build()).build();
        assertEquals(expected, StreamError.replaced().toNode());
        assertEquals(StreamError.Kind.REPLACED, StreamTermination.fromNode(expected) instanceof StreamError s
                ? s.kind() : null);
    }

    @Test
    void mobileEraConflictWithTextMeansReplaced() throws Exception {
        // §5.12 historical form: <stream:error><conflict/><text>Replaced by new connection</text>
        Node node = Node.builder("stream:error").children(Node.of("conflict"),
                Node.builder("text").text("Replaced by new connection").build()).build();
        StreamError parsed = StreamError.fromNode(node);
        assertEquals(StreamError.Kind.REPLACED, parsed.kind());
        assertEquals(Optional.of("Replaced by new connection"), parsed.text());
    }

    @Test
    void unknownCodeIsKept() throws Exception {
        StreamError parsed = StreamError.fromNode(Node.builder("stream:error").attr("code", "599").build());
        assertEquals(StreamError.Kind.UNKNOWN, parsed.kind());
        assertEquals(599, parsed.code().getAsInt());
        assertEquals(StreamError.Kind.UNKNOWN, StreamError.fromNode(Node.of("stream:error")).kind());
    }

    @Test
    void streamEnd() throws Exception {
        assertSame(StreamEnd.INSTANCE, StreamTermination.fromNode(Node.of("xmlstreamend")));
        assertEquals(Node.STREAM_END, StreamEnd.INSTANCE.toNode());
        assertTrue(StreamTermination.matches(Node.of("xmlstreamend")));
        assertSame(StreamEnd.INSTANCE, StreamTermination.fromNode(WireRoundTrip.viaWire(Node.STREAM_END)));
    }

    @Test
    void malformedIsTyped() {
        assertThrows(StanzaException.class, () -> StreamError.fromNode(Node.of("failure")));
        assertThrows(StanzaException.class,
                () -> StreamError.fromNode(Node.builder("stream:error").attr("code", "x").build()));
        assertThrows(StanzaException.class,
                () -> StreamEnd.fromNode(Node.builder("xmlstreamend").attr("a", "b").build()));
    }

    @Test
    void survivesTheBinaryCodec() throws Exception {
        for (StreamError e : new StreamError[] {StreamError.replaced(), StreamError.deviceRemoved(),
                StreamError.restartRequired(), StreamError.serviceUnavailable()}) {
            assertEquals(e, StreamError.fromNode(WireRoundTrip.viaWire(e.toNode())));
        }
    }
}
