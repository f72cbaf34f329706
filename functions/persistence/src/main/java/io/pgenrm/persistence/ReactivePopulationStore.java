package io.pgenrm.persistence;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.prototype.ProMMode;
import io.pgenrm.prototype.Prototype;
import io.pgenrm.prototype.PrototypeIndex;
import io.pgenrm.workflow.Population;
import io.pgenrm.workflow.PopulationStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Users, personas and the prototype snapshot in PostgreSQL; a new snapshot replaces the previous one whole, and its
 * build row records which Pro-M its prototypes serve.
 */
@ApplicationScoped
public class ReactivePopulationStore implements PopulationStore {
    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    JsonColumns json;

    @Override
    public void save(Population population, Collection<Persona> personas) {
        ReactiveRunStore.await(() -> sessions.withTransaction(session -> {
            Uni<Void> chain = session.createMutationQuery("delete from PrototypeMembershipEntity").executeUpdate()
                    .chain(() -> session.createMutationQuery("delete from PrototypeEntity").executeUpdate())
                    .replaceWithVoid();
            List<Object> entities = new ArrayList<>();
            for (UserHistory history : population.users().values()) {
                UserEntity user = new UserEntity();
                user.userId = history.userId();
                user.historyVersion = history.version();
                user.pairCount = history.pairs().size();
                user.historyJson = json.write(history);
                entities.add(user);
            }
            for (Prototype prototype : population.prototypes().prototypes()) {
                PrototypeEntity entity = new PrototypeEntity();
                entity.prototypeId = prototype.id();
                entity.centroidJson = json.write(prototype.centroid());
                entity.memberCount = prototype.members().size();
                entities.add(entity);
            }
            for (Prototype prototype : population.prototypes().prototypes()) {
                for (String member : prototype.members()) {
                    PrototypeMembershipEntity m = new PrototypeMembershipEntity();
                    m.memberId = member;
                    m.userId = population.prototypes().ownerOf(member);
                    m.prototypeId = prototype.id();
                    m.embeddingJson = json.write(population.prototypes().embeddings().get(member));
                    entities.add(m);
                }
            }
            return chain.chain(() -> session.mergeAll(entities.toArray()))
                    .chain(() -> savePersonas(session, personas))
                    .chain(() -> session.createNativeQuery("insert into population_builds (reward_model_json, pro_m) "
                            + "values (:m, :p)")
                            .setParameter("m", population.rewardModel() == null ? null
                                    : json.write(population.rewardModel()))
                            .setParameter("p", population.prototypes().mode().label()).executeUpdate())
                    .replaceWithVoid();
        }));
    }

    private Uni<Void> savePersonas(Mutiny.Session session, Collection<Persona> personas) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Persona persona : personas) {
            chain = chain.chain(() -> session.createSelectionQuery("select count(p) from PersonaEntity p where "
                    + "p.userId = :u and p.historyVersion = :v and p.seed = :s", Long.class)
                    .setParameter("u", persona.userId()).setParameter("v", persona.historyVersion())
                    .setParameter("s", persona.seed()).getSingleResult()
                    .chain(count -> {
                        if (count > 0) {
                            return Uni.createFrom().voidItem();
                        }
                        PersonaEntity entity = new PersonaEntity();
                        entity.userId = persona.userId();
                        entity.historyVersion = persona.historyVersion();
                        entity.seed = persona.seed();
                        entity.personaJson = json.write(persona);
                        return session.persist(entity);
                    }));
        }
        return chain;
    }

    @Override
    public Population load() {
        return ReactiveRunStore.await(() -> sessions.withSession(session -> session
                .createSelectionQuery("from UserEntity", UserEntity.class).getResultList()
                .chain(users -> session.createSelectionQuery("from PrototypeEntity order by prototypeId",
                        PrototypeEntity.class).getResultList()
                        .chain(prototypes -> session.createSelectionQuery("from PrototypeMembershipEntity",
                                PrototypeMembershipEntity.class).getResultList()
                                .chain(members -> session.createNativeQuery("select reward_model_json, pro_m from "
                                        + "population_builds where published_seq is not null "
                                        + "order by published_seq desc limit 1", Object[].class)
                                        .getResultList()
                                        .map(build -> assemble(users, prototypes, members,
                                                build.isEmpty() ? null : (String) build.get(0)[0],
                                                build.isEmpty() ? ProMMode.PERSONA
                                                        : ProMMode.parse((String) build.get(0)[1]))))))));
    }

    @Override
    public long version() {
        Long latest = ReactiveRunStore.await(() -> sessions.withSession(session -> session
                .createNativeQuery("select coalesce(max(published_seq), 0) from population_builds", Long.class)
                .getSingleResult()));
        return latest;
    }

    private Population assemble(List<UserEntity> users, List<PrototypeEntity> prototypes,
            List<PrototypeMembershipEntity> members, String rewardModelJson, ProMMode proM) {
        Map<String, UserHistory> histories = new LinkedHashMap<>();
        for (UserEntity user : users) {
            histories.put(user.userId, json.read(user.historyJson, UserHistory.class));
        }
        Map<Integer, List<String>> byPrototype = new HashMap<>();
        Map<String, double[]> embeddings = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (PrototypeMembershipEntity m : members) {
            byPrototype.computeIfAbsent(m.prototypeId, id -> new ArrayList<>()).add(m.memberId);
            embeddings.put(m.memberId, json.read(m.embeddingJson, double[].class));
            if (!m.memberId.equals(m.userId)) {
                owners.put(m.memberId, m.userId);
            }
        }
        List<Prototype> list = prototypes.stream().map(p -> new Prototype(p.prototypeId,
                json.read(p.centroidJson, double[].class), byPrototype.getOrDefault(p.prototypeId, List.of()).stream()
                        .sorted().toList())).toList();
        return new Population(histories, new PrototypeIndex(list, embeddings, owners, proM), rewardModelJson == null
                ? null
                : json.read(rewardModelJson, PopulationRewardModel.class));
    }

}
