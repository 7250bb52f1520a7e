/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * WhatsApp's binary XML (whatsapp-protocol.md §3), as pure codecs. Public API, kept stable for the transport,
 * client and emulator: {@link org.wabridge.core.binary.Node} (immutable; {@code Node.builder(tag)}, typed
 * attribute reads via {@link org.wabridge.core.binary.AttrReader}); {@code BinaryEncoder.standard().encode(node)}
 * → {@code byte[]} (or {@code new BinaryEncoder(InteropJidForm)} for the INTEROP_JID form a protocol profile
 * chooses); {@code BinaryDecoder.standard().decode(bytes)} → {@code Node} (or with custom
 * {@link org.wabridge.core.binary.DecoderLimits}); the frame plaintext wrapper
 * {@code NodeFrames.standard().pack(node, compress)} / {@code unpack(frame)}; every malformed input fails with
 * {@link org.wabridge.core.binary.BinaryDecodeException} naming the problem and byte offset;
 * {@link org.wabridge.core.binary.NodePrinter} for debug logs. Token tables (dictionary version 3) are the
 * resource {@code tokens-v3.tsv} in this package, with provenance in {@code TOKENS-NOTICE.md}. No I/O, no logging.
 */
package org.wabridge.core.binary;
