/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Media crypto throughput per second of user CPU time, the unit {@code openssl speed} reports by default
 * ("… in 2.99s" is user time unless {@code -elapsed} is given). On a shared machine this is the fair
 * comparison: JMH measures wall time, which other processes' load inflates, while both sides here count
 * only the CPU they actually got. Reuses {@link MediaCryptoBenchmark}'s operations; the JIT is warmed first.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.wabridge.bench.MediaCryptoCpuTime [seconds]}
 */
public final class MediaCryptoCpuTime {
    private MediaCryptoCpuTime() {
    }

    private interface Op {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int size : new int[] {1 << 20, 16 << 20}) {
            MediaCryptoBenchmark b = new MediaCryptoBenchmark();
            b.size = size;
            b.setUp();
            Map<String, Op> ops = new LinkedHashMap<>();
            ops.put("encryptStreaming", b::encryptStreaming);
            ops.put("decryptVerifiedTwoPass", b::decryptVerifiedTwoPass);
            ops.put("decryptUnverifiedOnePass", b::decryptUnverifiedOnePass);
            ops.put("jdkAesCbcEncryptOnly", b::jdkAesCbcEncryptOnly);
            ops.put("jdkSha256Only", b::jdkSha256Only);
            for (Map.Entry<String, Op> op : ops.entrySet()) {
                measure(threads, op.getValue(), size, seconds / 2); // warm-up, discarded
                double mbPerCpuSecond = measure(threads, op.getValue(), size, seconds);
                System.out.printf("%-26s %9d bytes  %8.1f MB per user-CPU second%n", op.getKey(), size, mbPerCpuSecond);
            }
        }
    }

    private static double measure(ThreadMXBean threads, Op op, int size, double seconds) throws Exception {
        long budget = (long) (seconds * 1e9);
        long start = threads.getCurrentThreadUserTime();
        long ops = 0;
        long used;
        int sink = 0;
        do {
            sink += op.run().hashCode();
            ops++;
            used = threads.getCurrentThreadUserTime() - start;
        } while (used < budget);
        if (sink == 42) {
            System.out.print(""); // keeps results alive without a JMH blackhole
        }
        return ops * (double) size / 1e6 / (used / 1e9);
    }
}
