package org.newsnlp.bench;

import java.util.List;

import org.newsnlp.text.TextSegmenter;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH state with the articles of one size class ({@code @Param size}), read once per trial from {@link Corpus}.
 * Each article's token count is the number of tokens {@link TextSegmenter#fast()} cuts from its text; every
 * benchmark, whichever library it runs, adds that same count to {@link Counters#tokens}, so that tokens/s
 * ratios equal articles/s ratios.
 *
 * <p>Read-only after setup, so one instance is shared by all benchmark threads.
 */
@State(Scope.Benchmark)
public class Inputs {

    /** The article size class. */
    @Param({"short", "medium", "long"})
    public String size;

    /** Article texts. */
    public String[] texts;

    /** The same articles as HTML pages. */
    public String[] pages;

    /** Headlines. */
    public String[] titles;

    /** Tokens per article. */
    public int[] tokens;

    /** Loads the articles. */
    @Setup(Level.Trial)
    public void load() {
        List<Corpus.Article> articles = Corpus.articles(size);
        int n = articles.size();
        texts = new String[n];
        pages = new String[n];
        titles = new String[n];
        tokens = new int[n];
        TextSegmenter seg = TextSegmenter.fast();
        for (int i = 0; i < n; i++) {
            Corpus.Article a = articles.get(i);
            texts[i] = a.text();
            pages[i] = a.html();
            titles[i] = a.title();
            tokens[i] = seg.segment(a.text()).tokens().size();
        }
    }

    /** Index of the next article for the calling thread, cycling through all of them; counts its tokens. */
    public int next(Counters c) {
        int i = c.cursor;
        c.cursor = i + 1 == texts.length ? 0 : i + 1;
        c.tokens += tokens[i];
        return i;
    }
}
