/** Model files: manifests and the loader of the shipped default models. */
package org.newsnlp.model;
