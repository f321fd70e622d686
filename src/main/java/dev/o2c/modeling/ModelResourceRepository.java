package dev.o2c.modeling;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ModelResourceRepository extends JpaRepository<ModelResource, Long> {

    // declared, not derived: on a hot path (see README, "Queries on hot paths")
    @Query("""
      select r from ModelResource r where r.kind = :kind and r.resourceId = :resourceId order by r.id desc limit 1""")
    Optional<ModelResource> findFirstByKindAndResourceIdOrderByIdDesc(ModelResource.Kind kind, String resourceId);

    /** The latest accepted row per kind and id. */
    @Query("select r from ModelResource r where r.id in"
            + " (select max(l.id) from ModelResource l group by l.kind, l.resourceId) order by r.kind, r.resourceId")
    List<ModelResource> latest();
}
