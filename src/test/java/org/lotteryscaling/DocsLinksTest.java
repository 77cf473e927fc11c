package org.lotteryscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md, REPRODUCTION.md and docs/*.md resolves: the file exists, and a
 * {@code #fragment} names a heading of it (GitHub's anchor rule). Links inside code blocks and to
 * other sites are not checked.
 */
class DocsLinksTest {
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Path ROOT = Path.of("").toAbsolutePath();

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path doc : documents()) {
      for (String link : links(doc)) {
        if (link.matches("^[a-z][a-z0-9+.-]*:.*")) {
          continue; // https:, mailto:, ...
        }
        checked++;
        String problem = problem(doc, link);
        if (problem != null) {
          broken.add(ROOT.relativize(doc) + ": " + link + " (" + problem + ")");
        }
      }
    }
    assertTrue(checked >= 10, "expected the docs to link to each other; found " + checked + " links");
    assertEquals(List.of(), broken, "broken links");
  }

  @Test
  void theCheckerFindsABrokenLinkAndABrokenAnchor(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path a = dir.resolve("a.md");
    Files.writeString(dir.resolve("b.md"), "# Title\n## Two words, here\n");
    Files.writeString(a, "see [b](b.md#two-words-here), [gone](c.md), [bad](b.md#nope)\n"
        + "```\n[in code](missing.md)\n```\n");
    List<String> found = links(a);
    assertEquals(List.of("b.md#two-words-here", "c.md", "b.md#nope"), found);
    assertEquals(null, problem(a, found.get(0)));
    assertEquals("no such file", problem(a, found.get(1)));
    assertEquals("no heading for #nope", problem(a, found.get(2)));
  }

  private static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("REPRODUCTION.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** The link targets of a markdown file, outside fenced code blocks. */
  static List<String> links(Path doc) throws IOException {
    List<String> out = new ArrayList<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(doc)) {
      if (line.stripLeading().startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        continue;
      }
      Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** Why {@code link} in {@code doc} does not resolve, or null when it does. */
  static String problem(Path doc, String link) throws IOException {
    int hash = link.indexOf('#');
    String file = hash < 0 ? link : link.substring(0, hash);
    Path target = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
    if (!Files.exists(target)) {
      return "no such file";
    }
    if (hash < 0 || Files.isDirectory(target)) {
      return null;
    }
    String anchor = link.substring(hash + 1);
    return anchors(target).contains(anchor) ? null : "no heading for #" + anchor;
  }

  /** GitHub's anchors: headings lower-cased, punctuation dropped, spaces to hyphens. */
  private static Set<String> anchors(Path doc) throws IOException {
    return Files.readAllLines(doc).stream()
        .filter(l -> l.startsWith("#"))
        .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
        .collect(Collectors.toSet());
  }
}
