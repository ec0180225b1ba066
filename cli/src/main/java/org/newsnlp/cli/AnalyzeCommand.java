package org.newsnlp.cli;

import java.util.ArrayList;
import java.util.List;

import org.newsnlp.NewsAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsnlp analyze}: the whole pipeline, one JSON object per input. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse news pages or article texts: title, language, text, entities, topics.")
final class AnalyzeCommand extends DocumentCommand {

    @Option(names = "--tokens", description = "Also print sentences with their tokens and offsets.")
    boolean tokens;

    private NewsAnalyzer analyzer;

    @Override
    void prepare() {
        analyzer = NewsAnalyzer.withDefaultModels();
    }

    @Override
    List<Result> process(List<Inputs.Document> docs) {
        List<NewsAnalyzer.ArticleInput> inputs = new ArrayList<>(docs.size());
        for (Inputs.Document d : docs) {
            inputs.add(d.html() ? NewsAnalyzer.ArticleInput.html(d.content(), null)
                    : NewsAnalyzer.ArticleInput.text(d.content()));
        }
        List<NewsAnalyzer.BatchResult> results = analyzer.analyzeAll(inputs);
        List<Result> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            NewsAnalyzer.BatchResult r = results.get(i);
            out.add(r.ok() ? new Result(ArticleJson.analyzed(docs.get(i).source(), r.article(), tokens), null)
                    : new Result(null, String.valueOf(r.error().getMessage())));
        }
        return out;
    }
}
