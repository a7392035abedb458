package dev.cuecard.match;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text pipeline shared by indexing and matching: code identifiers split into words
 * (select_related, JSONField), standard tokenizer, possessives, lower case, British spellings
 * as American ones,
 * a synonym graph that maps spoken forms and ASR spellings to canonical tokens ("select related"
 * becomes "select_related", "jango" becomes "django"), stop words plus spoken fillers, and Porter
 * stemming. The same pipeline on both sides means a card and a snippet meet on the same terms.
 */
public final class TextAnalysis {

  /** English stop words, spoken fillers and question scaffolding that carry no topic. */
  static final CharArraySet STOP_WORDS;

  static {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    for (String w : List.of(
        "um", "umm", "uh", "uhh", "er", "erm", "hmm", "mm", "ah", "oh", "like", "so", "okay", "ok", "right",
        "yeah", "yes", "well", "just", "actually", "basically", "really", "maybe", "kind", "sort", "kinda",
        "sorta", "you", "your", "yours", "me", "my", "i", "we", "our", "us", "i'm", "i'd", "you'd", "you've",
        "we're", "let's", "can", "could", "would", "should", "will", "do", "does", "did", "done", "doing",
        "have", "has", "had", "am", "what", "what's", "whats", "how", "why", "when", "where", "which",
        "who", "whom", "whose", "tell", "explain", "describe", "walk", "talk", "through", "about", "give",
        "know", "mean", "think", "thing", "things", "something", "anything", "get", "got", "go", "going",
        "want", "now", "then", "also", "please", "quick", "quickly", "briefly", "question", "ask", "asking",
        "one", "some", "any", "its", "it's", "that's", "there's", "here", "very", "much", "many", "more",
        "most", "great", "good", "cool", "thanks", "thank", "alright", "next", "move", "moving", "on",
        "hood", "scenes", // "under the hood", "behind the scenes": idioms whose rare words outweighed a topic
        // the scaffolding of written questions ("explain the purpose of ...", "provide examples of scenarios
        // where it is commonly used", "(e.g., pytest)"): rare in the bank, so each weighed as much as a topic
        "purpose", "concept", "significance", "importance", "commonly", "provide", "e", "g", "eg", "ie", "etc",
        // a file's extension says nothing of its subject: "urls.py" is about urls, "apps.py" about apps
        "py"
    )) {
      set.add(w);
    }
    STOP_WORDS = CharArraySet.unmodifiableSet(set);
  }

  private static final SynonymMap SYNONYMS = loadSynonyms();

  /** Analyzer for indexing (graph flattened for the index). */
  public static final Analyzer INDEX = new Pipeline(true);
  /** Analyzer for queries and term sets. */
  public static final Analyzer QUERY = new Pipeline(false);

  private TextAnalysis() {
  }

  /** Analyzed terms of a text, in order, duplicates removed. */
  public static List<String> terms(String text) {
    return new ArrayList<>(new LinkedHashSet<>(tokens(text)));
  }

  /** Analyzed tokens of a text, in order, duplicates kept. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = QUERY.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The code identifiers of a text (JsonResponse, select_related) as they come out when someone
   * types or a recogniser writes them as one lower-case word: analysed joined form (e.g.
   * "jsonrespons") → the analysed words the identifier splits into ([json, respons]).
   */
  public static Map<String, List<String>> compounds(String text) {
    Map<String, List<String>> out = new HashMap<>();
    for (String token : text.split("[^A-Za-z0-9_.]+")) {
      String t = token.replaceAll("^\\.+|\\.+$", "");
      if (t.length() < 4 || !IDENTIFIER_BREAKS.matcher(t).find()) {
        continue;
      }
      List<String> parts = terms(t);
      List<String> joined = terms(t.replace("_", "").replace(".", "").toLowerCase(Locale.ROOT));
      if (parts.size() >= 2 && joined.size() == 1 && !parts.contains(joined.get(0))) {
        out.put(joined.get(0), parts);
      }
    }
    return out;
  }

  private static SynonymMap loadSynonyms() {
    Analyzer ruleAnalyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new StandardTokenizer();
        return new TokenStreamComponents(t, new LowerCaseFilter(t));
      }
    };
    try (InputStream in = TextAnalysis.class.getClassLoader().getResourceAsStream("match/synonyms.txt")) {
      if (in == null) {
        throw new IllegalStateException("match/synonyms.txt is missing from the classpath");
      }
      SolrSynonymParser parser = new SolrSynonymParser(true, true, ruleAnalyzer);
      parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("bad synonym rule in match/synonyms.txt: " + e.getMessage(), e);
    }
  }

  /**
   * Splits code identifiers into spoken words: select_related, transaction.atomic, JSONField and
   * CreateView become two words each. Plural acronyms (APIs, JWTs) stay whole.
   */
  private static final Pattern IDENTIFIER_BREAKS = Pattern.compile(
      "_|(?<=[A-Za-z])\\.(?=[A-Za-z])|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2,})");

  /**
   * British spellings, as one American form: the bank was written with "optimise", "behaviour" and
   * "modelling", while other people's questions and the browsers' recognisers write "optimize",
   * "behavior" and "modeling", and the stemmer keeps the two apart ("optimis" against "optim").
   * A word that is not such a spelling ("promise", "exercise") is changed alike on both sides, so
   * it still meets itself; "raise" and "rise" are too short to be touched.
   */
  private static final List<Map.Entry<Pattern, String>> SPELLINGS = List.of(
      Map.entry(Pattern.compile("^([a-z]{3,})is(e|ed|es|ing|ation|ations|er|ers)$"), "$1iz$2"),
      Map.entry(Pattern.compile("^([a-z]{3,})ys(e|ed|es|ing|er|ers)$"), "$1yz$2"),
      Map.entry(Pattern.compile("^(behavi|col|fav|hon|lab|neighb|hum|flav|harb|endeav|rum|vap|arm|savi|val|parl)our([a-z]*)$"),
          "$1or$2"),
      Map.entry(Pattern.compile("^(model|label|cancel|signal|travel|level|channel|tunnel|fuel|marshal|total|dial|funnel)l"
          + "(ed|ing|er|ers)$"), "$1$2"),
      Map.entry(Pattern.compile("^(cent|met|lit|theat)re(s?)$"), "$1er$2"),
      Map.entry(Pattern.compile("^(defen|licen|offen)ce(s?)$"), "$1se$2"),
      Map.entry(Pattern.compile("^(catalog|analog|dialog)ue(s?)$"), "$1$2"),
      Map.entry(Pattern.compile("^programme(s?)$"), "program$1"),
      Map.entry(Pattern.compile("^artefact(s?)$"), "artifact$1"),
      Map.entry(Pattern.compile("^judgement(s?)$"), "judgment$1"));

  private static final class Pipeline extends Analyzer {
    private final boolean forIndex;

    Pipeline(boolean forIndex) {
      this.forIndex = forIndex;
    }

    @Override
    protected Reader initReader(String field, Reader reader) {
      return new PatternReplaceCharFilter(IDENTIFIER_BREAKS, " ", reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = new EnglishPossessiveFilter(source);
      ts = new LowerCaseFilter(ts);
      for (Map.Entry<Pattern, String> spelling : SPELLINGS) {
        ts = new PatternReplaceFilter(ts, spelling.getKey(), spelling.getValue(), false);
      }
      ts = new SynonymGraphFilter(ts, SYNONYMS, true);
      if (forIndex) {
        ts = new FlattenGraphFilter(ts);
      }
      ts = new StopFilter(ts, STOP_WORDS);
      ts = new PorterStemFilter(ts);
      return new TokenStreamComponents(source, ts);
    }
  }
}
