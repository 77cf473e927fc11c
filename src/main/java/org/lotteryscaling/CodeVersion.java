package org.lotteryscaling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The code that computes every row: the project version and the git commit it was built from
 * ("-dirty" when the work tree had uncommitted changes), stamped at build time into
 * build.properties; "unknown" for a build without git (a source tarball). Written into each runs
 * row's code_version, so a resumed train never mixes rows of two codes silently.
 */
public final class CodeVersion {
  private CodeVersion() {}

  private static final String CURRENT = read();

  /** For example {@code lottery-scaling 0.1.0-SNAPSHOT 5fec56b-dirty}. */
  public static String current() {
    return CURRENT;
  }

  private static String read() {
    Properties p = new Properties();
    try (InputStream in = CodeVersion.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read build.properties of the jar", e);
    }
    String version = stamped(p.getProperty("version"));
    String commit = stamped(p.getProperty("commit"));
    if (!commit.equals("unknown") && "true".equals(p.getProperty("dirty"))) {
      commit += "-dirty";
    }
    return "lottery-scaling " + version + " " + commit;
  }

  /** A property Maven filled in, or "unknown" where it left the placeholder (no git, no filtering). */
  private static String stamped(String value) {
    return value == null || value.isBlank() || value.contains("${") ? "unknown" : value.strip();
  }
}
