package org.newsnlp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.newsnlp.topic.LabeledDocument;
import org.newsnlp.topic.TopicComparison;
import org.newsnlp.topic.TopicDataset;
import org.newsnlp.topic.TopicTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsnlp topics compare}: several learners on the same split, one table. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train this library's learner and OpenNLP's DocumentCategorizerME (maxent, naive Bayes) on "
                + "the same training documents and print one table: accuracy, macro-F1, training time, docs/s.",
                "The test documents are --test, else a stratified share (--test-fraction) of --data."})
final class TopicsCompareCommand extends TopicsCommand.Base {

    @Mixin
    TopicsCommand.DataOptions data;

    @Option(names = "--test", paramLabel = "FILE", description = "Test dataset (same format and fields as --data).")
    Path test;

    @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "Share of --data held out for testing when there is no --test (default 0.2).")
    double testFraction;

    @Option(names = "--learners", split = ",", paramLabel = "L1,L2",
            description = "Learners: ${COMPLETION-CANDIDATES} (default all).")
    List<TopicComparison.Learner> learners = new ArrayList<>(List.of(TopicComparison.Learner.values()));


    @Mixin
    TopicsCommand.TrainOptions train;

    @Override
    int execute() throws Exception {
        List<LabeledDocument> docs = data.load(err());
        List<LabeledDocument> trainDocs;
        List<LabeledDocument> testDocs;
        if (test != null) {
            trainDocs = docs;
            testDocs = TopicsCommand.filter(TopicDataset.read(test, data.options(true)), data.labelMap,
                    data.labelSet == null ? null : TopicDataset.readLabelSet(data.labelSet), data.keepUnlabeled, err(),
                    test.toString());
        } else {
            List<List<LabeledDocument>> split = TopicComparison.split(docs, testFraction, train.seed);
            trainDocs = split.get(0);
            testDocs = split.get(1);
        }
        train.multiLabel = false;
        TopicTrainer trainer = train.trainer(trainDocs).build();
        List<TopicComparison.Row> rows = TopicComparison.run(trainer, trainDocs, testDocs, learners);
        if (data.output() == TopicsCommand.Format.JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("train", trainDocs.size());
            m.put("test", testDocs.size());
            m.put("rows", rows);
            out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            out().printf("%s: %d training, %d test documents%n", data.data, trainDocs.size(), testDocs.size());
            out().print(TopicComparison.table(rows));
        }
        out().flush();
        return 0;
    }
}
