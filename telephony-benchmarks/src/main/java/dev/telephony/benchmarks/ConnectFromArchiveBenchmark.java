package dev.telephony.benchmarks;

import dev.telephony.api.TelephonyProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 4b. The connect of {@link ConnectBenchmark}, in fresh JVMs that map an application class-data
 * archive (AppCDS) written by one earlier run of the same connect: what an application that ships
 * such an archive sees. Each fork must be given the archive: {@link QuickProfile} writes it and
 * passes it; by hand,
 * <pre>{@code
 * java -XX:ArchiveClassesAtExit=connect.jsa -cp benchmarks.jar dev.telephony.benchmarks.ConnectFromArchiveBenchmark
 * java -cp benchmarks.jar org.openjdk.jmh.Main ConnectFromArchive \
 *     -jvmArgsAppend "-Xshare:on -XX:SharedArchiveFile=connect.jsa -Dtelephony.benchmark.archive=connect.jsa"
 * }</pre>
 * With {@code -Xshare:on} a fork that cannot map the archive fails to start instead of measuring
 * without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ConnectFromArchiveBenchmark {
    /** The system property each fork is given, naming the archive it maps. */
    static final String ARCHIVE_PROPERTY = "telephony.benchmark.archive";

    @Setup(Level.Trial)
    public void requireTheArchive() {
        if (System.getProperty(ARCHIVE_PROPERTY) == null) {
            throw new IllegalStateException("run through QuickProfile, or give each fork the archive: -jvmArgsAppend "
                    + "\"-Xshare:on -XX:SharedArchiveFile=<archive> -D" + ARCHIVE_PROPERTY + "=<archive>\"");
        }
    }

    @Benchmark
    public TelephonyProvider connectAfterJvmStart() {
        return ConnectBenchmark.connect();
    }

    /** The training run: connects once, so that {@code -XX:ArchiveClassesAtExit} archives what connecting loads. */
    public static void main(String[] args) {
        ConnectBenchmark.connect().close();
    }

    /**
     * Writes the archive with a training run on this JVM's class path, and answers the arguments that
     * make a fork map it.
     */
    static List<String> writeArchive(Path archive) throws IOException, InterruptedException {
        Files.createDirectories(archive.toAbsolutePath().getParent());
        Files.deleteIfExists(archive);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process training = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + archive, "-cp",
                System.getProperty("java.class.path"), ConnectFromArchiveBenchmark.class.getName()).inheritIO().start();
        if (training.waitFor() != 0 || !Files.exists(archive)) {
            throw new IOException("the training run did not write " + archive + " (exit " + training.exitValue() + ")");
        }
        return List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-D" + ARCHIVE_PROPERTY + "=" + archive);
    }
}
