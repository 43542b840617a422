package org.medfund.cli.ledger;

import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import org.medfund.cli.Arguments;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.medfund.common.Rejection;
import org.medfund.ledger.ChainBreak;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medfund ledger …}: verify the books' hash chains and invariants, close periods. */
@Component
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "基金账簿：校验哈希链、结账",
        subcommands = {LedgerCommand.Verify.class, LedgerCommand.ClosePeriod.class})
class LedgerCommand extends GroupCommand implements MedfundSubcommand {

    /** Exit code when a chain or an invariant is broken (bad input stays 2). */
    static final int EXIT_BROKEN = 1;



    @Component
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "校验账簿：重算每个账套的哈希链、核对封签与锚点（账簿密钥），由分录重算余额缓存与结账快照；"
                    + "发现问题时指明凭证与问题并以非零状态退出")
    static class Verify implements Callable<Integer> {

        private final Ledger ledger;
        private final LedgerAudit audit;

        @Spec
        CommandSpec spec;

        @Option(names = "--book", description = "只校验该机构的账套（机构编码）")
        String book;

        Verify(Ledger ledger, LedgerAudit audit) {
            this.ledger = ledger;
            this.audit = audit;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (book != null && ledger.book(book).isEmpty()) {
                throw Rejection.notFound("ledger.book-missing", "--book", "该机构尚无账套: " + book);
            }
            long start = System.nanoTime();
            LedgerAudit.Report report = audit.verify(book);
            String took = String.format("，用时 %.1f 秒", (System.nanoTime() - start) / 1e9);
            for (ChainBreak b : report.breaks()) {
                out.println("断链: " + b);
            }
            for (String problem : report.problems()) {
                out.println("问题: " + problem);
            }
            if (!report.sound()) {
                out.println("校验失败：" + report.breaks().size() + " 个账套断链，" + report.problems().size()
                        + " 项其他问题" + took);
                out.flush();
                return EXIT_BROKEN;
            }
            out.println("校验通过：" + report.books() + " 个账套，" + report.entries() + " 张凭证，哈希链与封签完整，"
                    + report.anchors() + " 个锚点相符；余额缓存与结账快照与分录一致（账簿密钥标识 " + report.keyId()
                    + "）" + took);
            out.flush();
            return 0;
        }
    }

    @Component
    @Command(name = "close-period", mixinStandardHelpOptions = true,
            description = "结账：关闭该会计期间及之前各期，之后不得再记入；快照科目余额")
    static class ClosePeriod implements Runnable {

        private final Ledger ledger;

        @Spec
        CommandSpec spec;

        @Option(names = "--book", required = true, description = "机构编码")
        String book;

        @Option(names = "--period", required = true, description = "会计期间 YYYY-MM")
        String period;

        ClosePeriod(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void run() {
            YearMonth month = Arguments.period(period, "--period");
            ledger.closePeriod(book, month);
            spec.commandLine().getOut().println("已结账：" + book + " 至 " + month);
            spec.commandLine().getOut().flush();
        }
    }
}
