package dev.telephony.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a shell completion script for telephony's commands and options.",
                "bash: source <(telephony completion bash)   (or save it under /etc/bash_completion.d/)",
                "zsh:  source <(telephony completion zsh)    (in ~/.zshrc)"})
final class CompletionCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    String shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("telephony", spec.root().commandLine());
        switch (shell) {
            case "bash" -> spec.commandLine().getOut().print(script);
            // picocli's script runs under zsh once bash completion is emulated
            case "zsh" -> spec.commandLine().getOut().print("autoload -U +X compinit && compinit\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + script);
            default -> throw new ExitCodes.UsageException("no completion for the shell '" + shell + "': name bash or zsh");
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
