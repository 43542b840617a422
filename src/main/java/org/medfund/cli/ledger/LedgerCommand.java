package org.medfund.cli.ledger;

import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import org.medfund.cli.Arguments;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.medfund.common.Rejection;
import org.medfund.ledger.ChainBreak;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.LedgerKeys;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medfund ledger …}: verify the books' hash chains and invariants, close periods, rotate the ledger key. */
@Component
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "基金账簿：校验哈希链、结账、轮换账簿密钥",
        subcommands = {LedgerCommand.Verify.class, LedgerCommand.ClosePeriod.class, LedgerCommand.RotateKey.class})
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
                        + " 项其他问题（账簿密钥标识 " + report.keyId() + "）" + took);
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

    @Component
    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "轮换账簿密钥：先按当前密钥校验全部账套，再在一个事务内用新密钥重新封签全部凭证、链尾与锚点；"
                    + "新密钥由操作员生成：openssl rand -base64 32 > 新密钥文件; chmod 600 新密钥文件")
    static class RotateKey implements Runnable {

        private final LedgerKeys keys;

        @Spec
        CommandSpec spec;

        @Option(names = "--new-key-file", required = true, description = "新密钥文件（base64，至少 32 字节，权限 600）")
        Path newKeyFile;

        RotateKey(LedgerKeys keys) {
            this.keys = keys;
        }

        @Override
        public void run() {
            LedgerKeys.Rotation r = keys.rotate(newKeyFile);
            PrintWriter out = spec.commandLine().getOut();
            out.println("已轮换账簿密钥（第 " + r.rotationNo() + " 次）：密钥标识 " + r.oldKeyId() + " → " + r.newKeyId()
                    + "；重新封签 " + r.books() + " 个账套、" + r.entries() + " 张凭证、" + r.anchors() + " 个锚点");
            if (r.keyFileReplaced()) {
                out.println("密钥文件 " + r.keySource() + " 已换为新密钥。请把新密钥与数据库备份分开备份；"
                        + "此前的数据库备份仍须用旧密钥校验，旧密钥随那些备份保存");
            } else {
                out.println("本进程的密钥来自 MEDFUND_LEDGER_KEY：请在每台运行 medfund 的主机上把它改为 " + newKeyFile
                        + " 的内容；此前的数据库备份仍须用旧密钥校验");
            }
            out.println("仍在运行的 medfund 服务持有旧密钥，会拒绝记账（ledger.key-rotated），请逐一重启");
            out.flush();
        }
    }
}
