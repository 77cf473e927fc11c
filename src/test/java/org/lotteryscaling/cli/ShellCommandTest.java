package org.lotteryscaling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.UserError;

class ShellCommandTest {

  record Session(int code, String out, String err) {}

  static Session shell(String input) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Lottery.execute(new ShellCommand(new StringReader(input)), new PrintWriter(out, true),
        new PrintWriter(err, true));
    return new Session(code, out.toString(), err.toString());
  }

  @Test
  void eachLineRunsAsTheSameCommandWouldAlone() {
    String trainOne = "train-one --target x2 --activation tanh --width 3 --seed 4 --steps 200 --points 32 --json";
    TrainOneCommandTest.Run alone = TrainOneCommandTest.run(ShellCommand.words(trainOne).toArray(String[]::new));
    Session s = shell("# a comment, then a blank line\n\n" + trainOne + "\n  " + trainOne + "  \n");
    assertEquals(0, s.code(), s.err());
    // the same networks, bit for bit; only the time each took differs
    assertEquals(withoutSeconds(alone.out() + alone.out()), withoutSeconds(s.out()));
    Matcher done = Pattern.compile("lottery shell: train-one: exit 0, [0-9.]+ s").matcher(s.err());
    assertTrue(done.find() && done.find() && !done.find(), s.err());
  }

  static String withoutSeconds(String json) {
    return json.replaceAll("\"seconds\":[0-9.eE-]+,", "");
  }

  @Test
  void aFailingLineIsReportedAndTheShellGoesOn() {
    String ok = "train-one --target x2 --activation relu --width 2 --steps 50 --points 16";
    Session s = shell("train-one --target nosuch --width 2\n" + ok + "\nshell\ntrain-one 'open quote\n");
    assertEquals(Lottery.USAGE_ERROR, s.code());
    assertTrue(s.err().contains("train-one: exit 2"), s.err());
    assertTrue(s.err().contains("train-one: exit 0"), s.err());
    assertTrue(s.err().contains("lottery shell: already in a shell"), s.err());
    Session unknown = shell("trian\n");
    assertTrue(unknown.err().contains("Unmatched argument at index 0: 'trian' (see 'lottery --help')"),
        unknown.err());
    assertTrue(s.err().contains("lottery shell: unterminated ' starting at column 11"), s.err());
    assertTrue(s.out().contains("train loss"), s.out());
    // every error is one line: no stack trace
    assertTrue(s.err().lines().noneMatch(l -> l.startsWith("\tat ")), s.err());
  }

  @Test
  void exitEndsTheInputAndAnEmptyInputSucceeds() {
    Session s = shell("exit\ntrain-one --target nosuch\n");
    assertEquals(0, s.code());
    assertEquals("", s.err());
    assertEquals(0, shell("").code());
  }

  @Test
  void wordsAreSplitAsAShellSplitsThem() {
    assertEquals(List.of("sql", "--results", "d", "SELECT * FROM t WHERE a = 'x'"),
        ShellCommand.words("sql --results d \"SELECT * FROM t WHERE a = 'x'\""));
    assertEquals(List.of("a b", "c\"d", "e\\f", "g h", "ij", ""),
        ShellCommand.words("  'a b'\t\"c\\\"d\" \"e\\\\f\" g\\ h i'j' ''"));
    assertEquals(List.of("say", "\"q\""), ShellCommand.words("say '\"q\"'"));
    assertEquals(List.of(), ShellCommand.words("   "));
    assertThrows(UserError.class, () -> ShellCommand.words("a \"b"));
    assertThrows(UserError.class, () -> ShellCommand.words("a b\\"));
  }
}
