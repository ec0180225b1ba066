package org.newsnlp.cli;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.newsnlp.topic.LabeledDocument;
import org.newsnlp.topic.TopicCrossValidation;
import org.newsnlp.topic.TopicEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsnlp topics cv}: k-fold cross-validation of the learner on a labelled dataset. */
@Command(name = "cv", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Cross-validate the learner on a labelled dataset: mean ± std of accuracy and F1 over folds.")
final class TopicsCvCommand extends TopicsCommand.Base {

    @Mixin
    TopicsCommand.DataOptions data;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Number of folds (default 5).")
    int folds;


    @Mixin
    TopicsCommand.TrainOptions train;

    @Override
    int execute() throws Exception {
        List<LabeledDocument> docs = data.load(err());
        TopicCrossValidation r = TopicCrossValidation.run(train.trainer(docs).build(), docs, folds, train.seed);
        if (data.output() == TopicsCommand.Format.JSON) {
            out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r.toMap()));
        } else {
            out().printf("%d-fold cross-validation on %s (%d documents, %.1f s)%n", folds, data.data,
                    r.pooled().documents(), r.seconds());
            out().printf("accuracy %s ± %s   macro-F1 %s ± %s   micro-F1 %s ± %s%n",
                    TopicsCommand.f4(r.meanAccuracy()), TopicsCommand.f4(r.stdAccuracy()),
                    TopicsCommand.f4(r.meanMacroF1()), TopicsCommand.f4(r.stdMacroF1()),
                    TopicsCommand.f4(r.meanMicroF1()), TopicsCommand.f4(r.stdMicroF1()));
            int f = 1;
            for (TopicEvaluation e : r.folds()) {
                out().printf("fold %d: accuracy %s macro-F1 %s micro-F1 %s (%d documents)%n", f++,
                        TopicsCommand.f4(e.accuracy()), TopicsCommand.f4(e.macroF1()), TopicsCommand.f4(e.microF1()),
                        e.documents());
            }
        }
        out().flush();
        return 0;
    }
}
