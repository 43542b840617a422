package org.medfund.calendar;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code calendar_notice} and {@code calendar_notice_load} tables (V70). */
@Repository
class NoticeStore {

    /** One audited load, as stored. */
    record Load(long id, int year, String loadedBy, LocalDateTime loadedAt, String fileName, String previous,
                String content, String changes) {
    }

    /** Pages show the most recent loads; the table keeps all of them. */
    static final int HISTORY_ROWS_MAX = 200;

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The loaded notices' content, by year. */
    List<String> contents() {
        return jdbc.sql("select content from calendar_notice order by notice_year").query(String.class).list();
    }

    /** Changes whenever a notice is loaded, so other processes see a load without reading every notice. */
    long version() {
        return jdbc.sql("select coalesce(max(id), 0) from calendar_notice_load").query(Long.class).single();
    }

    long insertLoad(int year, String loadedBy, Timestamp at, String fileName, String previous, String content) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into calendar_notice_load (notice_year, loaded_by, loaded_at, file_name, previous, content,
                    changes)
                values (:year, :by, :at, :file, :previous, :content, '')""")
                .param("year", year).param("by", loadedBy).param("at", at).param("file", fileName)
                .param("previous", previous).param("content", content).update(keys, "id");
        return keys.getKey().longValue();
    }

    void recordChanges(long loadId, String changes) {
        jdbc.sql("update calendar_notice_load set changes = :c where id = :id").param("c", changes)
                .param("id", loadId).update();
    }

    void upsertNotice(HolidayNotice notice, long loadId) {
        jdbc.sql("delete from calendar_notice where notice_year = :year").param("year", notice.year()).update();
        jdbc.sql("""
                insert into calendar_notice (notice_year, title, document_no, issued_on, source, content, load_id)
                values (:year, :title, :no, :issued, :source, :content, :load)""")
                .param("year", notice.year()).param("title", notice.title()).param("no", notice.documentNo())
                .param("issued", notice.issuedOn()).param("source", notice.source()).param("content", notice.text())
                .param("load", loadId).update();
    }

    /** Who loaded the year's notice and when, if it was loaded (not shipped). */
    Optional<Load> loadOf(int year) {
        return jdbc.sql("""
                select l.* from calendar_notice n join calendar_notice_load l on l.id = n.load_id
                where n.notice_year = :year""").param("year", year).query(NoticeStore::load).optional();
    }

    Optional<Load> load(long id) {
        return jdbc.sql("select * from calendar_notice_load where id = :id").param("id", id)
                .query(NoticeStore::load).optional();
    }

    List<Load> history() {
        return jdbc.sql("select * from calendar_notice_load order by id desc limit " + HISTORY_ROWS_MAX)
                .query(NoticeStore::load).list();
    }

    private static Load load(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Load(rs.getLong("id"), rs.getInt("notice_year"), rs.getString("loaded_by"),
                rs.getTimestamp("loaded_at").toLocalDateTime(), rs.getString("file_name"), rs.getString("previous"),
                rs.getString("content"), rs.getString("changes"));
    }
}
