package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.Card;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bank browser's candidates ({@code GET /api/questions?q=}, and {@code eval}'s MRR@5): a
 * Lucene BM25 search over each card's question, aliases, tags and key points, in memory. The live
 * path does not use it (postings lookups in {@link Matcher} cost far less); {@link Matcher#rank}
 * scores what it finds. Built once per bank; thread-safe.
 */
final class BankSearch {
  static final int CANDIDATES = 12;
  private static final String F_ID = "id";
  private static final String F_QUESTION = "question";
  private static final String F_ALIASES = "aliases";
  private static final String F_TAGS = "tags";
  private static final String F_POINTS = "points";
  private static final Map<String, Float> BOOSTS = Map.of(F_QUESTION, 3f, F_ALIASES, 2.5f, F_TAGS, 1.5f, F_POINTS, 0.5f);

  private final IndexSearcher searcher;
  private final int[] docToCard;

  BankSearch(Bank bank) {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(TextAnalysis.INDEX))) {
      for (Card c : bank.cards()) {
        w.addDocument(document(c));
      }
      w.commit();
      DirectoryReader reader = DirectoryReader.open(dir);
      searcher = new IndexSearcher(reader);
      docToCard = new int[reader.maxDoc()];
      Map<String, Integer> cardIndex = new HashMap<>();
      for (int i = 0; i < bank.size(); i++) {
        cardIndex.put(bank.cards().get(i).id(), i);
      }
      var stored = searcher.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        docToCard[doc] = cardIndex.get(stored.document(doc).get(F_ID));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bank positions of the best {@link #CANDIDATES} cards for the analysed terms, best first. */
  int[] candidates(List<String> terms) {
    TopDocs top;
    try {
      top = searcher.search(query(terms), CANDIDATES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] out = new int[top.scoreDocs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = docToCard[top.scoreDocs[i].doc];
    }
    return out;
  }

  private static Document document(Card c) {
    Document d = new Document();
    d.add(new StringField(F_ID, c.id(), Field.Store.YES));
    d.add(new TextField(F_QUESTION, c.question(), Field.Store.NO));
    d.add(new TextField(F_ALIASES, String.join(" . ", c.aliases()), Field.Store.NO));
    d.add(new TextField(F_TAGS, String.join(" . ", c.tags()), Field.Store.NO));
    StringBuilder points = new StringBuilder();
    for (Card.KeyPoint k : c.keyPoints()) {
      points.append(k.text()).append(" . ").append(String.join(" . ", k.terms())).append(" . ");
    }
    d.add(new TextField(F_POINTS, points.toString(), Field.Store.NO));
    return d;
  }

  private static Query query(List<String> terms) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String t : terms) {
      for (Map.Entry<String, Float> f : BOOSTS.entrySet()) {
        b.add(new BoostQuery(new TermQuery(new Term(f.getKey(), t)), f.getValue()), BooleanClause.Occur.SHOULD);
      }
    }
    return b.build();
  }
}
