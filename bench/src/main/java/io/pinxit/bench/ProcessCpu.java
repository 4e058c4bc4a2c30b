package io.pinxit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The CPU time (user + system) Linux has given processes, from {@code /proc/<pid>/stat}. */
final class ProcessCpu {

    /** Linux reports times in USER_HZ ticks, 100 a second on every platform it runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** utime and stime: fields 14 and 15 of stat, counted from the field after the command's closing parenthesis. */
    private static final int USER_TIME = 11;
    private static final int SYSTEM_TIME = 12;

    private ProcessCpu() {
    }

    static long nanos(List<Long> pids) {
        return pids.stream().mapToLong(ProcessCpu::nanos).sum();
    }

    private static long nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[USER_TIME]) + Long.parseLong(fields[SYSTEM_TIME])) * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time of process " + pid, e);
        }
    }
}
