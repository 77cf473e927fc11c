package org.lotteryscaling.results;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API on 127.0.0.1 for tests: Adobe S3Mock (its executable jar, which the build copies
 * to {@code target/s3mock/s3mock-exec.jar}) in a JVM of its own, so that its Spring Boot never
 * meets Spark's classpath. It serves plain HTTP with path-style addressing, keeps its objects in
 * a folder under {@code target/s3mock/}, and creates {@link #BUCKET} on start. Start it once per
 * test class: it takes some seconds. {@link #hadoopSettings()} are what S3A needs to use it
 * without ever leaving 127.0.0.1.
 *
 * <p>S3Mock also opens a second, unused HTTP connector on an ephemeral port (it cannot be turned
 * off or bound to loopback by configuration); the one used here is bound to 127.0.0.1.
 */
public final class S3Server implements AutoCloseable {
  /** The bucket the server creates on start. */
  public static final String BUCKET = "lottery";
  /** S3Mock accepts any credentials; S3A must be given some, so it never looks for others. */
  public static final String ACCESS_KEY = "lottery-test";
  public static final String SECRET_KEY = "lottery-test-secret";
  public static final String REGION = "us-east-1";

  private final Process process;
  private final Path log;
  private final int port;
  private final Thread shutdownHook;

  /** Starts the server and waits until it answers (at most two minutes). */
  public static S3Server start() throws IOException, InterruptedException {
    S3Server server = new S3Server();
    server.awaitReady(Duration.ofMinutes(2));
    return server;
  }

  /**
   * Launches the server and returns at once, so a test can start other things meanwhile; call
   * {@link #awaitReady} before use.
   */
  public S3Server() throws IOException {
    Path jar = MiniHdfs.buildDir().resolve("s3mock/s3mock-exec.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the build copies it in"
          + " process-test-resources (mvn test-compile, or mvn test)");
    }
    Path dir = Files.createTempDirectory(Files.createDirectories(jar.getParent()), "store-");
    this.port = ChildJvm.freePort();
    this.log = dir.resolve("s3mock.log");
    List<String> command = new ArrayList<>(List.of(ChildJvm.java(),
        "-Xmx256m", "-Xss1m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-jar", jar.toString(),
        "--server.address=127.0.0.1", "--server.port=" + port, "--server.ssl.enabled=false",
        "--com.adobe.testing.s3mock.httpPort=0",
        "--com.adobe.testing.s3mock.store.root=" + dir.resolve("root"),
        "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
        "--com.adobe.testing.s3mock.store.retainFilesOnExit=false",
        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
        "--logging.level.com.adobe.testing.s3mock=INFO"));
    this.process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    // A test JVM that exits without close() (a failed @BeforeAll) leaves no server behind.
    this.shutdownHook = new Thread(process::destroyForcibly, "s3mock-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Waits until the server lists {@link #BUCKET}; fails with its log if it exits or times out. */
  public void awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest list = HttpRequest.newBuilder(URI.create(endpoint() + "/"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Mock exited (" + process.exitValue() + "): " + tail());
      }
      try {
        HttpResponse<String> response = client.send(list, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("<Name>" + BUCKET + "</Name>")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("S3Mock not ready after " + timeout + ": " + tail());
      }
      Thread.sleep(100);
    }
  }

  /** http://127.0.0.1:PORT */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public String bucket() {
    return BUCKET;
  }

  /** s3a://BUCKET/path */
  public String uri(String path) {
    return "s3a://" + BUCKET + "/" + path.replaceFirst("^/+", "");
  }

  /**
   * The Hadoop settings for s3a:// on this server: endpoint, path-style access, no TLS, static
   * credentials, an explicit region, so S3A and the AWS SDK never look for a region or
   * credentials elsewhere (environment, profile files, instance metadata); few retries and short
   * timeouts, so a failure shows at once. In a SparkSession they go as {@code spark.hadoop.KEY}
   * (see {@link #sparkSettings()}); in a child JVM as {@code -Dspark.hadoop.KEY=VALUE}
   * ({@link #jvmFlags()}).
   */
  public Map<String, String> hadoopSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("fs.s3a.endpoint", endpoint());
    s.put("fs.s3a.endpoint.region", REGION);
    s.put("fs.s3a.path.style.access", "true");
    s.put("fs.s3a.connection.ssl.enabled", "false");
    s.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    s.put("fs.s3a.access.key", ACCESS_KEY);
    s.put("fs.s3a.secret.key", SECRET_KEY);
    s.put("fs.s3a.attempts.maximum", "2");
    s.put("fs.s3a.retry.limit", "2");
    s.put("fs.s3a.retry.interval", "100ms");
    s.put("fs.s3a.connection.establish.timeout", "5s");
    s.put("fs.s3a.connection.timeout", "30s");
    return s;
  }

  /** {@link #hadoopSettings()} as Spark settings: {@code spark.hadoop.} before each key. */
  public Map<String, String> sparkSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    hadoopSettings().forEach((k, v) -> s.put("spark.hadoop." + k, v));
    return s;
  }

  /** {@link #sparkSettings()} as JVM flags for a child JVM whose SparkConf reads them. */
  public List<String> jvmFlags() {
    List<String> flags = new ArrayList<>();
    sparkSettings().forEach((k, v) -> flags.add("-D" + k + "=" + v));
    return flags;
  }

  /** The server's output so far (its last 40 lines). */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * Closes this JVM's cached S3A client of {@link #BUCKET}, if any. Hadoop caches one FileSystem
   * per scheme and bucket whatever its endpoint, so without this a later server's tests (another
   * port) in the same JVM would be given this server's client.
   */
  public void dropCachedClient() {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    hadoopSettings().forEach(conf::set);
    try {
      org.apache.hadoop.fs.FileSystem.get(URI.create("s3a://" + BUCKET + "/"), conf).close();
    } catch (IOException e) {
      System.err.println("S3Server: closing the cached s3a client: " + e);
    }
  }

  /**
   * Stops the server (its store is deleted with it) and waits for it, at most 20 seconds; the
   * cached S3A client of its bucket is closed first ({@link #dropCachedClient()}).
   */
  @Override
  public void close() {
    dropCachedClient();
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}
