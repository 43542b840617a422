package org.medfund.cli;

import picocli.CommandLine.Command;

@Command(name = "medfund", mixinStandardHelpOptions = true, version = "medfund 0.1.0",
        description = "medfund：基本医疗保险基金结算平台 (fund-side platform for China's basic medical insurance)",
        subcommandsRepeatable = false)
class RootCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
