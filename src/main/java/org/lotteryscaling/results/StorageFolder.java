package org.lotteryscaling.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.UserError;

/**
 * A folder on any Hadoop FileSystem: a plain path (the default file system, the local disk unless
 * the cluster says otherwise), {@code file:}, {@code hdfs://}, {@code s3a://}, or any scheme whose
 * connector is on the classpath. Every read and write of a results folder that Spark does not do
 * itself (experiment.conf, listings, the report's files) goes through here, never java.nio, so it
 * works wherever the tables do. Immutable; the path is qualified (absolute, with its scheme), so
 * executors and the driver resolve it alike.
 */
public final class StorageFolder {
  private final FileSystem fs;
  private final Path path;

  private StorageFolder(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /** {@code uri} on the file systems Spark's session is configured for. */
  public static StorageFolder of(SparkSession spark, String uri) {
    return of(uri, spark.sparkContext().hadoopConfiguration());
  }

  /**
   * {@code uri} before a Spark session exists: the Hadoop settings are the defaults plus any
   * {@code spark.hadoop.*} system property (how spark-submit passes them to the driver), so a
   * check made here sees the file system the jobs will see.
   */
  public static StorageFolder of(String uri) {
    Configuration conf = new Configuration();
    for (Map.Entry<Object, Object> p : System.getProperties().entrySet()) {
      String key = p.getKey().toString();
      if (key.startsWith("spark.hadoop.")) {
        conf.set(key.substring("spark.hadoop.".length()), p.getValue().toString());
      }
    }
    return of(uri, conf);
  }

  static StorageFolder of(String uri, Configuration conf) {
    if (uri == null || uri.isBlank()) {
      throw new UserError("a results folder must be a path or URI, got an empty one");
    }
    Path path;
    try {
      path = new Path(uri);
    } catch (IllegalArgumentException e) {
      throw new UserError("not a path or URI: '" + uri + "' (" + e.getMessage() + ")", e);
    }
    FileSystem fs;
    try {
      fs = path.getFileSystem(conf);
    } catch (IOException e) {
      throw new UserError("cannot use " + uri + ": " + SparkErrors.firstLine(e)
          + (e.getMessage() != null && e.getMessage().contains("No FileSystem for scheme")
              ? " (put its Hadoop connector on the classpath)" : ""), e);
    }
    // The local file system's checksummed wrapper would add .crc files beside ours.
    if (fs instanceof LocalFileSystem local) {
      fs = local.getRawFileSystem();
    }
    return new StorageFolder(fs, fs.makeQualified(path));
  }

  /** The qualified URI, as Spark and Delta are given it. */
  public String uri() {
    return path.toString();
  }

  /** Whether it lies on the local disk; then {@link #localPath()} names it for java.nio writers. */
  public boolean isLocal() {
    return "file".equals(path.toUri().getScheme());
  }

  public java.nio.file.Path localPath() {
    if (!isLocal()) {
      throw new IllegalStateException(this + " is not on the local disk");
    }
    return java.nio.file.Path.of(path.toUri());
  }

  public StorageFolder resolve(String child) {
    return new StorageFolder(fs, new Path(path, child));
  }

  /** The last part of the path: the folder's own name. */
  public String name() {
    return path.getName();
  }

  public boolean exists() {
    return call(() -> fs.exists(path));
  }

  public boolean isDirectory() {
    return call(() -> fs.getFileStatus(path).isDirectory(), false);
  }

  public boolean isFile() {
    return call(() -> fs.getFileStatus(path).isFile(), false);
  }

  public void mkdirs() {
    call(() -> fs.mkdirs(path));
  }

  /** The folders directly inside, by name. */
  public List<StorageFolder> subfolders() {
    List<StorageFolder> out = new ArrayList<>();
    for (FileStatus s : call(() -> fs.listStatus(path))) {
      if (s.isDirectory()) {
        out.add(new StorageFolder(fs, s.getPath()));
      }
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  /** Every file below, at any depth. */
  public List<StorageFolder> filesBelow() {
    List<StorageFolder> out = new ArrayList<>();
    call(() -> {
      var it = fs.listFiles(path, true);
      while (it.hasNext()) {
        out.add(new StorageFolder(fs, it.next().getPath()));
      }
      return null;
    });
    return out;
  }

  /** This path relative to {@code ancestor}, e.g. "target=x2/part-0.parquet". */
  public String relativeTo(StorageFolder ancestor) {
    return ancestor.path.toUri().relativize(path.toUri()).getPath();
  }

  public long length() {
    return call(() -> fs.getFileStatus(path).getLen());
  }

  /** {@code count} bytes from {@code offset} of this file. */
  public byte[] readBytes(long offset, int count) {
    return call(() -> {
      byte[] bytes = new byte[count];
      try (FSDataInputStream in = fs.open(path)) {
        in.readFully(offset, bytes);
      }
      return bytes;
    });
  }

  public String readString() {
    return call(() -> {
      try (InputStream in = fs.open(path)) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
      }
    });
  }

  /**
   * Writes {@code text} as this file unless it exists: to a hidden temporary file first, then
   * renamed, so no reader ever sees half of it. Where rename refuses an existing target (HDFS)
   * two writers cannot both succeed; elsewhere the caller reads the file back to see who won.
   */
  public void writeStringOnce(String text) {
    StorageFolder temp = parent().resolve("_" + name() + "." + UUID.randomUUID() + ".tmp");
    call(() -> {
      try (OutputStream out = fs.create(temp.path, false)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.exists(path)) {
        fs.rename(temp.path, path);
      }
      fs.delete(temp.path, false);
      return null;
    });
  }

  /**
   * Adds one line to this text file (creating it): the whole file is rewritten through a temporary
   * one, since not every file system appends. For small logs written by one process at a time.
   */
  public void appendLine(String line) {
    String before = exists() ? readString() : "";
    StorageFolder temp = parent().resolve("_" + name() + "." + UUID.randomUUID() + ".tmp");
    call(() -> {
      try (OutputStream out = fs.create(temp.path, false)) {
        out.write((before + line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(path, false);
      fs.rename(temp.path, path);
      return null;
    });
  }

  /** Copies the local file or folder {@code local} into this folder, under its own name. */
  public void putFromLocal(java.nio.file.Path local) {
    call(() -> {
      fs.mkdirs(path);
      // Into this folder, as Hadoop's copy does when the target is an existing folder.
      fs.copyFromLocalFile(false, true, new Path(local.toUri()), path);
      return null;
    });
  }

  public StorageFolder parent() {
    return new StorageFolder(fs, path.getParent());
  }

  /** A local path as the user would write it; any other URI in full. */
  @Override
  public String toString() {
    return isLocal() ? path.toUri().getPath() : path.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorageFolder other && other.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  private interface IoCall<T> {
    T run() throws IOException;
  }

  private <T> T call(IoCall<T> io) {
    try {
      return io.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot access " + this + ": " + SparkErrors.firstLine(e), e);
    }
  }

  /** As {@link #call(IoCall)}, answering {@code absent} for a path that does not exist. */
  private <T> T call(IoCall<T> io, T absent) {
    try {
      return io.run();
    } catch (java.io.FileNotFoundException e) {
      return absent;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot access " + this + ": " + SparkErrors.firstLine(e), e);
    }
  }
}
