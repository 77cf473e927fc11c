package org.lotteryscaling.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster for tests: a Master and Workers from Spark's own classes, each in a
 * JVM of its own on 127.0.0.1 (one core, 1 GB each), their logs and work folders under a test
 * folder. A driver started with {@link #env()} and {@link #driverFlags()} runs its executors in
 * JVMs the Workers start, with this JVM's classpath, as on a real cluster. {@link #close()} kills
 * every process it started, the drivers given to {@link #own(Process)} too.
 */
public final class StandaloneCluster implements AutoCloseable {
  private final Path dir;
  private final Map<String, String> env;
  private final String masterUrl;
  private final List<Process> workers = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  private StandaloneCluster(Path dir) throws IOException {
    this.dir = dir;
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
    this.env = Map.of("SPARK_HOME", sparkHome.getParent().toString(),
        "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1");
    this.masterUrl = "spark://127.0.0.1:" + ChildJvm.freePort();
  }

  /** Starts a Master and {@code workers} one-core Workers; returns when the Master listens. */
  public static StandaloneCluster start(Path dir, int workers) throws IOException, InterruptedException {
    StandaloneCluster cluster = new StandaloneCluster(dir);
    try {
      int port = Integer.parseInt(cluster.masterUrl.substring(cluster.masterUrl.lastIndexOf(':') + 1));
      cluster.processes.add(ChildJvm.start(dir.resolve("master.log"), cluster.env, List.of(),
          "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
          String.valueOf(port), "--webui-port", String.valueOf(ChildJvm.freePort())));
      ChildJvm.awaitPort(port, 60_000);
      for (int w = 0; w < workers; w++) {
        Process worker = ChildJvm.start(dir.resolve("worker" + w + ".log"), cluster.env, List.of(),
            "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
            "--memory", "1g", "--webui-port", String.valueOf(ChildJvm.freePort()),
            "--work-dir", dir.resolve("work" + w).toString(), cluster.masterUrl);
        cluster.workers.add(worker);
        cluster.processes.add(worker);
      }
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** spark://127.0.0.1:PORT */
  public String masterUrl() {
    return masterUrl;
  }

  /** The environment of every process of the cluster, a driver's too (a SPARK_HOME of no jars). */
  public Map<String, String> env() {
    return env;
  }

  /**
   * JVM flags of a driver on this cluster: executors on this JVM's classpath with Spark's JVM
   * flags and a small heap, the driver reachable on 127.0.0.1, and a lost executor replaced.
   */
  public List<String> driverFlags() {
    return List.of(
        "-Dspark.executor.extraClassPath=" + ChildJvm.CLASSPATH,
        "-Dspark.executor.extraJavaOptions=" + String.join(" ", ChildJvm.sparkFlags()),
        "-Dspark.executor.memory=512m", "-Dspark.driver.host=127.0.0.1",
        "-Dspark.deploy.maxExecutorRetries=10");
  }

  /** Has {@link #close()} kill {@code process} (a driver) with the cluster; returns it. */
  public Process own(Process process) {
    processes.add(process);
    return process;
  }

  /** The executor JVMs alive now: what the Workers started. */
  public Stream<ProcessHandle> executors() {
    return workers.stream().flatMap(Process::children).filter(ProcessHandle::isAlive);
  }

  /** The log of Worker {@code w}. */
  public Path workerLog(int w) {
    return dir.resolve("worker" + w + ".log");
  }

  @Override
  public void close() {
    processes.forEach(ChildJvm::killTree);
  }
}
