package org.medfund.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfund.common.Rejection;
import org.medfund.ledger.Book;
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
class LedgerCommand implements Runnable, MedfundSubcommand {

    /** Exit code when a chain or an invariant is broken (bad input stays 2). */
    static final int EXIT_BROKEN = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Component
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "重算每个账套的哈希链并校验账簿不变量；发现断链时打印第一处断点并以非零状态退出")
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
            List<Book> books = book == null ? ledger.books()
                    : List.of(ledger.book(book).orElseThrow(() -> Rejection.notFound("ledger.book-missing", "--book",
                            "该机构尚无账套: " + book)));
            List<ChainBreak> breaks = audit.verifyChains(book);
            for (ChainBreak b : breaks) {
                out.println("断链: " + b);
            }
            List<String> problems = book == null ? audit.problems().stream()
                    .filter(p -> !p.startsWith("broken chain")).toList() : List.of();
            for (String problem : problems) {
                out.println("问题: " + problem);
            }
            long entries = books.stream().mapToLong(Book::entryCount).sum();
            if (!breaks.isEmpty() || !problems.isEmpty()) {
                out.println("校验失败：" + breaks.size() + " 个账套断链，" + problems.size() + " 项其他问题");
                out.flush();
                return EXIT_BROKEN;
            }
            out.println("校验通过：" + books.size() + " 个账套，" + entries + " 张凭证，哈希链完整");
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
            YearMonth month = CalendarCommand.period(period, "--period");
            ledger.closePeriod(book, month);
            spec.commandLine().getOut().println("已结账：" + book + " 至 " + month);
            spec.commandLine().getOut().flush();
        }
    }
}
