package tuangou.bot.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tuangou.parser.CatalogItem;
import tuangou.parser.match.Synonyms;

/**
 * {@code replay --catalog CATALOG.json [--synonyms FILE] [--replies] TRANSCRIPT.jsonl}: exit 0 with the JSON
 * on stdout, 2 with one line on stderr for unreadable input or bad usage.
 */
public final class ReplayCommand {
  static final String USAGE = String.join("\n",
      "usage: java -jar tuangou-bot.jar replay --catalog CATALOG.json [--synonyms FILE] [--replies] TRANSCRIPT.jsonl",
      "",
      "Reads a chat transcript offline and prints, as JSON on stdout, the orders the bot would hold",
      "at the end: {\"orders\": [...], \"totals\": [...], \"unresolved\": [...]}.",
      "",
      "  --catalog FILE    the campaign: {\"campaign\": \"...\", \"items\": [{\"no\", \"id\", \"name\",",
      "                    \"aliases\", \"unit\", \"spec\", \"priceFen\"}]}; optionally",
      "                    \"leaders\": {\"GROUP\": \"SENDER\"}, whose 截单/到货 end ordering there",
      "  --synonyms FILE   extra synonym groups, one per line: 西红柿,番茄 (added to the shipped ones)",
      "  --replies         also print what the bot said: \"replies\": [{\"source\", \"text\"}]",
      "  TRANSCRIPT.jsonl  one message a line, in the order received:",
      "                    {\"id\", \"group\", \"sender\", \"name\", \"text\", \"ts\"}",
      "",
      "Exit status: 0 on success, 2 with a one-line error on stderr for unreadable input.");

  private ReplayCommand() {}

  /** Runs replay and returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Path catalog = null;
    Path synonyms = null;
    Path transcript = null;
    boolean withReplies = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        case "--replies" -> withReplies = true;
        case "--catalog", "--synonyms" -> {
          if (i + 1 >= args.size()) {
            return usage(err, a + " needs a file");
          }
          Path p = Path.of(args.get(++i));
          if (a.equals("--catalog")) {
            catalog = p;
          } else {
            synonyms = p;
          }
        }
        default -> {
          if (a.startsWith("-") || transcript != null) {
            return usage(err, "unexpected argument " + a);
          }
          transcript = Path.of(a);
        }
      }
    }
    if (catalog == null || transcript == null) {
      return usage(err, catalog == null ? "--catalog is required" : "a transcript file is required");
    }
    try {
      String catalogJson = readAll(catalog);
      List<CatalogItem> items = CatalogReader.read(catalogJson, catalog.toString());
      Replay replay = new Replay(items, synonyms(synonyms), CatalogReader.leaders(catalogJson, catalog.toString()));
      try (BufferedReader in = reader(transcript)) {
        TranscriptReader.read(in, transcript.toString(), replay::accept);
      } catch (CharacterCodingException e) {
        throw new ReplayException(transcript + ": not UTF-8 text");
      }
      io.vertx.core.json.JsonObject report = replay.report();
      if (withReplies) {
        report.put("replies", replay.replies());
      }
      out.println(JsonText.pretty(report));
      out.flush();
      return 0;
    } catch (ReplayException e) {
      err.println("replay: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("replay: cannot read " + e.getMessage());
      return 2;
    }
  }

  private static Synonyms synonyms(Path file) throws IOException, ReplayException {
    Synonyms shipped = Synonyms.shipped();
    if (file == null) {
      return shipped;
    }
    try (Reader r = reader(file)) {
      return shipped.plus(r);
    } catch (CharacterCodingException e) {
      throw new ReplayException(file + ": not UTF-8 text");
    }
  }

  private static String readAll(Path file) throws IOException, ReplayException {
    try (BufferedReader r = reader(file)) {
      StringBuilder s = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf)) > 0) {
        s.append(buf, 0, n);
      }
      return s.toString();
    } catch (CharacterCodingException e) {
      throw new ReplayException(file + ": not UTF-8 text");
    }
  }

  /** Strict UTF-8: a file in another encoding is reported, not silently misread. */
  private static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  private static int usage(PrintStream err, String problem) {
    err.println("replay: " + problem + " (replay --help for usage)");
    return 2;
  }
}
