/** Topic classification: predictions, classifiers, training and evaluation. */
package org.newsnlp.topic;
