/**
 * Topic classification: predictions ({@link org.newsnlp.topic.TopicPrediction}), the classifier interface and
 * its linear implementation, model files ({@link org.newsnlp.topic.TopicModel}), training
 * ({@link org.newsnlp.topic.TopicTrainer}), datasets ({@link org.newsnlp.topic.TopicDataset}), evaluation,
 * cross-validation, reports and the comparison with OpenNLP's document categoriser.
 *
 * <pre>{@code
 * List<LabeledDocument> docs = TopicDataset.read(Path.of("train.jsonl.gz"), TopicDataset.Options.DEFAULT);
 * TopicModel model = TopicTrainer.builder().name("my-topics").build().train(docs);
 * model.save(Path.of("my-topics.bin.gz"));
 * TopicPrediction p = TopicModel.load(Path.of("my-topics.bin.gz")).classify(title, body);
 * }</pre>
 */
package org.newsnlp.topic;
