package org.newsnlp;

/**
 * Root of the unchecked exceptions that newsnlp throws for domain failures: a model that cannot be read,
 * an input that cannot be analysed, a stage that failed.
 *
 * <p>Programmer errors (a null or out-of-range argument) are {@link IllegalArgumentException} or
 * {@link NullPointerException} instead, and I/O boundaries throw {@link java.io.IOException}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public class NewsNlpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that names the input and the problem. */
    public NewsNlpException(String message) {
        super(message);
    }

    /** Creates an exception with a message that names the input and the problem, and its cause. */
    public NewsNlpException(String message, Throwable cause) {
        super(message, cause);
    }
}
