import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a file is one valid JSON value (RFC 8259: UTF-8, no comments, no trailing commas,
 * nothing after the value) with a small recursive-descent parser and no libraries, so that a
 * shell script can check a JSON file on any machine with a JDK:
 *
 * <pre>java scripts/JsonCheck.java FILE [KEY...]</pre>
 *
 * <p>Exits 0 and prints, one a line in document order, the string value of every object member
 * named one of the KEYs (any depth; line breaks in a value printed as spaces). Exits 1 naming the
 * line and column of the first error, 2 on a usage or read error.
 */
public final class JsonCheck {
  private final String text;
  private final Set<String> keys;
  private final List<String> found = new ArrayList<>();
  private int pos;

  private JsonCheck(String text, Set<String> keys) {
    this.text = text;
    this.keys = keys;
  }

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: java JsonCheck.java FILE [KEY...]");
      System.exit(2);
    }
    String text;
    try {
      byte[] bytes = Files.readAllBytes(Path.of(args[0]));
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      System.err.println(args[0] + ": invalid JSON: not UTF-8");
      System.exit(1);
      return;
    } catch (IOException e) {
      System.err.println(args[0] + ": cannot read it: " + e);
      System.exit(2);
      return;
    }
    JsonCheck check = new JsonCheck(text, new HashSet<>(List.of(args).subList(1, args.length)));
    try {
      check.document();
    } catch (IllegalStateException e) {
      System.err.println(args[0] + ": invalid JSON at " + check.where() + ": " + e.getMessage());
      System.exit(1);
    }
    for (String s : check.found) {
      System.out.println(s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
    }
  }

  private String where() {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(pos, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return "line " + line + ", column " + column;
  }

  private void document() {
    if (text.startsWith("\uFEFF")) {
      pos = 1;
    }
    space();
    value();
    space();
    if (pos < text.length()) {
      throw new IllegalStateException("unexpected " + describe() + " after the value");
    }
  }

  private void value() {
    if (pos >= text.length()) {
      throw new IllegalStateException("unexpected end of input, expected a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          number();
        } else {
          throw new IllegalStateException("unexpected " + describe() + ", expected a value");
        }
      }
    }
  }

  private void object() {
    pos++;
    space();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      if (peek() != '"') {
        throw new IllegalStateException("unexpected " + describe() + ", expected a member name");
      }
      String name = string();
      space();
      expect(':');
      space();
      if (keys.contains(name) && peek() == '"') {
        found.add(string());
      } else {
        value();
      }
      space();
      if (peek() == ',') {
        pos++;
        space();
      } else if (peek() == '}') {
        pos++;
        return;
      } else {
        throw new IllegalStateException("unexpected " + describe() + ", expected ',' or '}'");
      }
    }
  }

  private void array() {
    pos++;
    space();
    if (peek() == ']') {
      pos++;
      return;
    }
    while (true) {
      value();
      space();
      if (peek() == ',') {
        pos++;
        space();
      } else if (peek() == ']') {
        pos++;
        return;
      } else {
        throw new IllegalStateException("unexpected " + describe() + ", expected ',' or ']'");
      }
    }
  }

  private String string() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new IllegalStateException("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return sb.toString();
      }
      if (c < 0x20) {
        throw new IllegalStateException("control character U+%04X in a string".formatted((int) c));
      }
      if (c != '\\') {
        sb.append(c);
        pos++;
        continue;
      }
      pos++;
      char e = peek();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 5 > text.length()) {
            throw new IllegalStateException("incomplete \\u escape");
          }
          String hex = text.substring(pos + 1, pos + 5);
          if (!hex.matches("[0-9A-Fa-f]{4}")) {
            throw new IllegalStateException("bad \\u escape \\u" + hex);
          }
          sb.append((char) Integer.parseInt(hex, 16));
          pos += 4;
        }
        default -> throw new IllegalStateException("bad escape \\" + describe());
      }
      pos++;
    }
  }

  private void number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (digit()) {
      while (digit()) {
        pos++;
      }
    } else {
      throw new IllegalStateException("unexpected " + describe() + " in a number");
    }
    if (peek() == '.') {
      pos++;
      if (!digit()) {
        throw new IllegalStateException("expected a digit after '.' in a number");
      }
      while (digit()) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!digit()) {
        throw new IllegalStateException("expected a digit in the exponent of a number");
      }
      while (digit()) {
        pos++;
      }
    }
    if (pos == start) {
      throw new IllegalStateException("expected a number");
    }
  }

  private void literal(String word) {
    if (!text.startsWith(word, pos)) {
      throw new IllegalStateException("unexpected " + describe() + ", expected a value");
    }
    pos += word.length();
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new IllegalStateException("unexpected " + describe() + ", expected '" + c + "'");
    }
    pos++;
  }

  private boolean digit() {
    char c = peek();
    return c >= '0' && c <= '9';
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private String describe() {
    if (pos >= text.length()) {
      return "end of input";
    }
    char c = text.charAt(pos);
    return c < 0x20 ? "U+%04X".formatted((int) c) : "'" + c + "'";
  }

  private void space() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }
}
