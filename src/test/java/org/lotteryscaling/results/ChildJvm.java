package org.lotteryscaling.results;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starting other JVMs like this one for tests: same java, same classpath, same Spark JVM flags
 * (the surefire argLine, i.e. the pom's spark.jvm.flags), output to a log file.
 */
public final class ChildJvm {
  private ChildJvm() {}

  public static final String CLASSPATH = System.getProperty("java.class.path");

  /** The flags of this JVM that Spark needs (module opens and the like), not its heap size. */
  public static List<String> sparkFlags() {
    List<String> flags = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
        flags.add(arg);
      }
    }
    return flags;
  }

  public static Process start(Path log, Map<String, String> env, List<String> jvmArgs, String mainClass,
      String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(sparkFlags());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(CLASSPATH);
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public static void awaitPort(int port, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("nothing listens on port " + port + " after " + timeoutMillis + " ms");
  }

  /** Kills the process and every process it started (ours only), hard. */
  public static void killTree(Process process) {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  public static String java() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
