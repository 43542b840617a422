package org.medfund.web.settlement;

import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import java.util.List;
import java.util.Map;
import org.medfund.claims.SettlementIntake;
import org.medfund.claims.SettlementJson;
import org.medfund.common.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/settlements}: a hospital system (or an agency clerk for it) sends up to 10,000 settlement records
 * under the national field names, with an {@code Idempotency-Key}. A batch with any bad row is refused whole with
 * a problem+json whose {@code errors} list every bad row and field (code {@code claims.batch-rejected}).
 */
@RestController
class SettlementIntakeApi {

    /** Reads amounts as exact decimals: a JSON 1234.56 must never pass through a binary double. */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    static final int BODY_CHARS_MAX = 20_000_000;

    private final SettlementIntake intake;
    private final Idempotency idempotency;

    SettlementIntakeApi(SettlementIntake intake, Idempotency idempotency) {
        this.intake = intake;
        this.idempotency = idempotency;
    }

    @PostMapping(value = "/api/settlements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(@AuthenticationPrincipal MedfundUser user,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                             @RequestBody String body) {
        if (body.length() > BODY_CHARS_MAX) {
            throw new Rejection("claims.body-too-large", "settlements", "请求体过大，请分批提交（每批至多 10000 条）", 413);
        }
        JsonNode json;
        try {
            json = EXACT.readTree(body);
        } catch (JacksonException e) {
            throw new Rejection("request.malformed-json", "settlements", "请求内容不是有效的 JSON", 400);
        }
        List<Map<String, String>> rows = SettlementJson.rows(json);
        return idempotency.run(user, "claims.intake", key, json, HttpStatus.CREATED,
                () -> intake.submit(user.actor(), rows, key));
    }
}
