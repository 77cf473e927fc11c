package org.lotteryscaling.results;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS for tests: an in-process MiniDFSCluster (one NameNode, one DataNode) on 127.0.0.1,
 * every port ephemeral, its storage under {@code target/minihdfs/}. Other JVMs on this machine
 * (Spark Workers, executors, a child driver) reach it by {@link #uri()} like any HDFS.
 * Start it once per test class: it takes a few seconds.
 */
public final class MiniHdfs implements AutoCloseable {
  private final MiniDFSCluster cluster;
  private final Path baseDir;
  private final URI uri;

  /** Starts a fresh cluster with its storage in a new folder under target/minihdfs. */
  public MiniHdfs() throws IOException {
    this(Files.createTempDirectory(Files.createDirectories(buildDir().resolve("minihdfs")), "hdfs-"));
  }

  /** Starts a fresh cluster with its storage (formatted anew) in {@code baseDir}. */
  public MiniHdfs(Path baseDir) throws IOException {
    this.baseDir = baseDir.toAbsolutePath();
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, this.baseDir.resolve("data").toString());
    conf.set("hadoop.tmp.dir", this.baseDir.resolve("tmp").toString());
    // Loopback only, ephemeral ports (MiniDFSCluster binds the DataNode's to 127.0.0.1:0 itself).
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.namenode.https-address", "127.0.0.1:0");
    conf.set("dfs.namenode.secondary.http-address", "127.0.0.1:0");
    conf.set("dfs.namenode.backup.address", "127.0.0.1:0");
    conf.set("dfs.namenode.backup.http-address", "127.0.0.1:0");
    conf.set("dfs.journalnode.rpc-address", "127.0.0.1:0");
    conf.set("dfs.journalnode.http-address", "127.0.0.1:0");
    conf.setBoolean("dfs.webhdfs.enabled", false);
    // One DataNode: one replica; no permission checks (child JVMs run as the same user anyway).
    conf.setInt("dfs.replication", 1);
    conf.setBoolean("dfs.permissions.enabled", false);
    // Fast start and stop: no safe-mode wait, quick heartbeats, no block scanner.
    conf.setInt("dfs.namenode.safemode.extension", 0);
    conf.setLong("dfs.heartbeat.interval", 1);
    conf.setInt("dfs.datanode.scan.period.hours", -1);
    conf.setLong("dfs.block.scanner.volume.bytes.per.second", 0);
    this.cluster = new MiniDFSCluster.Builder(conf, this.baseDir.resolve("data").toFile())
        .numDataNodes(1)
        .format(true)
        .manageNameDfsDirs(true)
        .manageDataDfsDirs(true)
        .build();
    cluster.waitActive();
    this.uri = URI.create("hdfs://127.0.0.1:" + cluster.getNameNodePort());
  }

  /** The file system's root, hdfs://127.0.0.1:PORT (no trailing slash). */
  public URI uri() {
    return uri;
  }

  /** {@code uri()} joined with a path below the root, e.g. {@code uri("results/x")}. */
  public String uri(String path) {
    return uri + "/" + path.replaceFirst("^/+", "");
  }

  /**
   * Hadoop settings a client needs beyond the URI: none (an hdfs:// URI carries the NameNode).
   * Kept for symmetry with {@link S3Server#hadoopSettings()}.
   */
  public Map<String, String> hadoopSettings() {
    return Map.of();
  }

  /** A client of this cluster, in this JVM. */
  public FileSystem fileSystem() throws IOException {
    return cluster.getFileSystem();
  }

  public Path baseDir() {
    return baseDir;
  }

  @Override
  public void close() {
    cluster.shutdown(true);
  }

  /** target/ of this project (surefire sets basedir; a run from an IDE starts in the project). */
  public static Path buildDir() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
  }
}
