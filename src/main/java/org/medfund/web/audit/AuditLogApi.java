package org.medfund.web.audit;

import org.medfund.notices.XlsxExport;
import org.medfund.web.MedfundUser;
import org.medfund.web.Names;
import org.medfund.web.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.AuditLog;
import org.medfund.common.Rejection;
import org.medfund.registry.Registry;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit-log[.xlsx]}: the audit trail of state changes, newest first, scoped like every view: a
 * hospital sees what its own users did, an agency or finance department (and its auditors) what the users of every
 * organisation in its regions did. Filters: user, organisation (403 {@code audit.out-of-scope} outside the scope),
 * date range, command (part of the route or CLI command), outcome, business id (part of an id or path).
 */
@RestController
@Tag(name = "audit-log", description = "审计日志：每次状态变更的操作人、机构、时间、命令、请求编号、结果与业务编号")
class AuditLogApi {

    /** Rows a page or a JSON answer shows unless asked for fewer. */
    static final int ROWS_DEFAULT = 500;

    private final AuditLog audit;
    private final Registry registry;
    private final Names names;

    AuditLogApi(AuditLog audit, Registry registry, Names names) {
        this.audit = audit;
        this.registry = registry;
        this.names = names;
    }

    /**
     * The query parameters of the list, the page and the exports; each optional.
     *
     * @param from first day (YYYY-MM-DD)
     * @param to last day, inclusive
     * @param command part of the route ({@code /api/prepayments}) or CLI command ({@code prepayment})
     * @param outcome DONE, REPLAYED, REJECTED, DENIED, FAILED or PARTIAL
     * @param id part of a business id or of the path
     */
    record AuditLogParams(String user, String org, String from, String to, String command, String outcome, String id,
                  Integer limit) {
    }

    /**
     * One row as JSON, flat and with its own schema name (nested records named Entry or Result clash in the OpenAPI
     * document).
     *
     * @param channel API, PAGE or CLI
     * @param outcome DONE, REPLAYED, REJECTED, DENIED, FAILED or PARTIAL
     * @param status HTTP status or CLI exit code of an action that committed nothing
     * @param transactions transactions the action committed
     * @param detail the code of a refusal or failure, then its reason: {@code code} and {@code reason} apart
     */
    record AuditLogRow(long id, LocalDateTime occurredAt, String channel, String username, String orgCode,
                       String command, String target, String requestId, String outcome, Integer status,
                       int transactions, String businessIds, String detail, String code, String reason) {
        static AuditLogRow of(AuditLog.Entry e) {
            return new AuditLogRow(e.id(), e.occurredAt(), e.channel().name(), e.who().username(), e.who().orgCode(),
                    e.command(), e.target(), e.requestId(), e.result().outcome().name(), e.result().status(),
                    e.result().transactions(), e.result().businessIds(), e.result().detail(), e.result().code(),
                    e.result().reason());
        }
    }

    @GetMapping("/api/audit-log")
    @Operation(summary = "审计日志（本机构管辖范围内），最新在前",
            description = "筛选：user、org、from、to（YYYY-MM-DD）、command、outcome、id（业务编号或路径的一部分）、limit")
    List<AuditLogRow> list(@AuthenticationPrincipal MedfundUser user, @ModelAttribute AuditLogParams params) {
        return audit.find(filter(user, registry, params), reader(user, registry), rows(params.limit())).stream()
                .map(AuditLogRow::of).toList();
    }

    @GetMapping({"/api/audit-log.xlsx", "/audit-log.xlsx"})
    @Operation(summary = "审计日志导出 xlsx（同样的筛选与范围，最多 " + AuditLog.ROWS_MAX + " 行）")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal MedfundUser user, @ModelAttribute AuditLogParams params) {
        List<List<Object>> rows = new ArrayList<>();
        // Names once per export: the same few users and organisations fill thousands of rows.
        Map<String, String> people = new HashMap<>();
        Map<String, String> orgs = new HashMap<>();
        for (AuditLog.Entry e : audit.find(filter(user, registry, params), reader(user, registry),
                AuditLog.ROWS_MAX)) {
            String username = text(e.who().username());
            String org = text(e.who().orgCode());
            rows.add(List.of(e.occurredAt().toString().replace('T', ' '), e.channel().label(),
                    text(people.computeIfAbsent(username, names::user)), username,
                    text(orgs.computeIfAbsent(org, names::org)), org, e.command(), text(e.target()), e.requestId(),
                    e.result().outcome().label(), e.result().status() == null ? "" : e.result().status(),
                    e.result().transactions(), text(e.result().businessIds()), e.result().explanation(),
                    text(e.result().code())));
        }
        return XlsxExport.response("审计日志.xlsx", "审计日志", List.of("时间", "渠道", "用户", "用户名", "机构", "机构代码",
                "命令", "路径或参数", "请求编号", "结果", "状态码", "提交事务数", "业务编号", "说明", "问题代码"), rows);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** What the user may read: its own organisation, and for non-hospitals every organisation of its regions. */
    static AuditLog.Reader reader(MedfundUser user, Registry registry) {
        Scope scope = Scope.of(user, registry);
        return new AuditLog.Reader(user.actor().orgCode(), scope.orgOnly() ? List.of() : scope.regionCodes(), false);
    }

    static int rows(Integer limit) {
        if (limit == null) {
            return ROWS_DEFAULT;
        }
        if (limit < 1 || limit > AuditLog.ROWS_MAX) {
            throw new Rejection("audit.limit-invalid", "limit", "limit 须在 1 至 " + AuditLog.ROWS_MAX + " 之间", 400);
        }
        return limit;
    }

    /** Blank filters mean "any"; a malformed date or unknown outcome is a 400 naming the field. */
    static AuditLog.Filter filter(MedfundUser caller, Registry registry, AuditLogParams p) {
        String orgCode = blank(p.org());
        if (orgCode != null && !orgCode.equals(caller.actor().orgCode())
                && !registry.canSeeOrg(caller.actor(), orgCode)) {
            throw Rejection.forbidden("audit.out-of-scope", "org", "无权查看该机构的审计日志: " + orgCode);
        }
        return new AuditLog.Filter(blank(p.user()), orgCode, date(p.from(), "from"), date(p.to(), "to"),
                blank(p.command()), outcome(p.outcome()), blank(p.id()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(String text, String field) {
        if (blank(text) == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new Rejection("audit.date-invalid", field, "日期格式须为 YYYY-MM-DD：" + text, 400);
        }
    }

    private static AuditLog.Outcome outcome(String text) {
        if (blank(text) == null) {
            return null;
        }
        try {
            return AuditLog.Outcome.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new Rejection("audit.outcome-invalid", "outcome", "结果须为 DONE、REPLAYED、REJECTED、DENIED、FAILED "
                    + "或 PARTIAL：" + text, 400);
        }
    }
}
