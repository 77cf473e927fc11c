package org.lotteryscaling.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * The tests' HDFS ({@link MiniHdfs}) and S3 ({@link S3Server}) for trying the commands by hand:
 * starts both on 127.0.0.1, prints their URIs and the options that point s3a:// at the S3 server,
 * and serves until killed (Ctrl-C); their storage goes with them. From the project's root, after
 * {@code mvn test-compile}:
 *
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.lotteryscaling.results.StorageServers
 * </pre>
 */
public final class StorageServers {
  private StorageServers() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    S3Server s3 = new S3Server();  // its own JVM: starts while the HDFS does
    MiniHdfs hdfs;
    try {
      hdfs = new MiniHdfs();
      s3.awaitReady(Duration.ofMinutes(2));
    } catch (Exception | Error e) {
      s3.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("stopping HDFS and S3");
      s3.close();
      try {
        hdfs.close();
      } catch (RuntimeException shuttingDown) {
        // Hadoop refuses to remove its own shutdown hooks from here on; its storage goes anyway
      }
      deleteTree(hdfs.baseDir());
    }, "storage-servers-stop"));

    String conf = s3.sparkSettings().entrySet().stream()
        .map(e -> "--conf " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    String flags = String.join(" ", s3.jvmFlags());
    System.out.printf("%n"
        + "HDFS  %s   (e.g. --out %s)%n"
        + "S3    s3a://%s/   at %s   (e.g. --out %s)%n"
        + "%n"
        + "s3a:// on this server, for submit/cluster (spark-submit options):%n"
        + "  export LOTTERY_SUBMIT_ARGS=\"%s\"%n"
        + "for submit/lottery (JVM flags):%n"
        + "  export LOTTERY_JAVA_OPTS=\"%s\"%n"
        + "%n"
        + "ready in %d ms; Ctrl-C (or kill) stops both, and their storage goes with them%n",
        hdfs.uri(), hdfs.uri("results/smoke"), s3.bucket(), s3.endpoint(), s3.uri("results/smoke"),
        conf, flags, (System.nanoTime() - t0) / 1_000_000);
    System.out.flush();
    Thread.currentThread().join();  // until killed
  }

  private static void deleteTree(Path tree) {
    try (var paths = Files.walk(tree)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException gone) {
      // nothing left to delete
    }
  }
}
