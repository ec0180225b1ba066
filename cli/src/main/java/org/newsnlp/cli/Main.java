package org.newsnlp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsnlp} command.
 *
 * <pre>{@code
 * newsnlp analyze --format json article.html
 * }</pre>
 */
@Command(name = "newsnlp",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "News-article NLP: article text, entities and topics from news pages.",
        subcommands = {
                AnalyzeCommand.class,
                ExtractCommand.class,
                TopicsCommand.class,
                EntitiesCommand.class,
                NerCommand.class,
                BenchCommand.class,
                ExtractEvalCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status, without exiting (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"newsnlp " + (v == null ? "(development)" : v)};
        }
    }
}
