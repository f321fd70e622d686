package dev.o2c.documents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DocumentRepository extends JpaRepository<Document, Long> {

    Optional<Document> findByKindAndReference(DocumentKind kind, String reference);

    @Query("select d from Document d where d.reference = :reference or d.reference like concat(:reference, '/%')"
            + " order by d.id")
    List<Document> findAboutReference(@Param("reference") String reference);

    /**
     * Keeps the first document for (kind, reference): two requests rendering at the same time both insert, the second
     * insert does nothing, and both then read the one that was kept.
     */
    @Modifying
    @Query(
            nativeQuery = true,
            value =
                    "insert into document (kind, reference, language, media_type, file_name, content, sha256, created_at)"
                            + " values (:kind, :reference, :language, :mediaType, :fileName, :content, :sha256, :createdAt)"
                            + " on conflict (kind, reference) do nothing")
    int insertIfAbsent(
            @Param("kind") String kind,
            @Param("reference") String reference,
            @Param("language") String language,
            @Param("mediaType") String mediaType,
            @Param("fileName") String fileName,
            @Param("content") byte[] content,
            @Param("sha256") String sha256,
            @Param("createdAt") Instant createdAt);
}
