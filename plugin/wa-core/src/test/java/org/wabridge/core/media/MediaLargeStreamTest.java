/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

/**
 * A 2 GiB synthetic document (generated, never on disk) goes through streaming encryption and two-pass
 * verified decryption; the bytes that come out are compared with the generator. The memory claim is checked
 * two ways: total bytes this thread allocated during the whole run (an upper bound on any heap growth, so
 * no buffer can scale with the input) and used heap after GC before and after. Size can be lowered with
 * {@code -Dwabridge.media.largeStreamBytes=…} for quick local runs.
 */
class MediaLargeStreamTest {
    private static final long SIZE = Long.getLong("wabridge.media.largeStreamBytes", 2L * 1024 * 1024 * 1024);
    private static final long ONE_MIB = 1024 * 1024;
    private static final long SEED = 0x5EEDL;

    @Test
    void twoGibThroughEncryptAndVerifiedDecryptInConstantMemory() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long threadId = Thread.currentThread().getId();
        MediaKeys keys = MediaKeys.derive(new byte[32], MediaType.DOCUMENT);
        long heapBefore = usedHeapAfterGc(memory);
        long allocatedBefore = threads.getThreadAllocatedBytes(threadId);
        long start = System.nanoTime();

        // Given the digests of a streaming encryption of the synthetic document
        MediaDigests digests = MediaEncryptor.encrypt(new SyntheticInputStream(SEED, SIZE), OutputStream.nullOutputStream(), keys);
        // and a source that re-creates the same blob by encrypting again (deterministic for fixed keys)
        MediaSource source = () -> new MediaEncryptingInputStream(new SyntheticInputStream(SEED, SIZE), keys);

        // When it is decrypted with verification into a sink that compares with the generator
        ComparingSink sink = new ComparingSink();
        MediaDigests verified = VerifiedMediaDecryptor.decrypt(source, keys, digests.expected(), sink);

        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        long allocated = threads.getThreadAllocatedBytes(threadId) - allocatedBefore;
        long heapGrowth = usedHeapAfterGc(memory) - heapBefore;
        System.out.printf("MediaLargeStreamTest: %d bytes, %d s, allocated by thread %d bytes, heap growth %d bytes%n",
                SIZE, seconds, allocated, heapGrowth);

        // Then every byte came back in order and the digests agree
        assertEquals(SIZE, sink.position);
        assertEquals(SIZE, verified.fileLength());
        assertEquals(SIZE / 16 * 16 + 16 + 10, verified.encryptedLength());
        assertEquals(digests.toString(), verified.toString());
        // And the whole run allocated (hence could grow the heap by) less than 1 MiB
        assertTrue(allocated < ONE_MIB, "allocated " + allocated + " bytes");
        assertTrue(heapGrowth < ONE_MIB, "heap grew by " + heapGrowth + " bytes");
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Checks each plaintext byte against the generator without keeping any of it. */
    private static final class ComparingSink extends OutputStream {
        long position;

        @Override
        public void write(int b) throws IOException {
            check((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                check(b[off + i]);
            }
        }

        private void check(byte b) throws IOException {
            if (b != SyntheticInputStream.byteAt(SEED, position)) {
                throw new IOException("plaintext differs at byte " + position);
            }
            position++;
        }
    }
}
