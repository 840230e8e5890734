package org.revos.adoption.credit.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.revos.api.model.User;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ChecklistItem;
import org.revos.api.spi.Initiative;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;

/**
 * TRAIN: every user who must follow the process (the initiative's training team, or everyone) completed a training
 * of the initiative; the share is trained users over that audience.
 */
@Component(service = AdoptionProbe.class)
public final class TrainProbe implements AdoptionProbe {

    @Override
    public String id() {
        return "train-completion";
    }

    @Override
    public AdoptionTactic tactic() {
        return AdoptionTactic.TRAIN;
    }

    @Override
    public String label() {
        return "every user concerned completed a training";
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        Initiative i = context.initiative();
        List<User> audience = context.data().users()
                .filter(u -> i.trainingTeam() == null || i.trainingTeam().equals(u.team())).toList();
        String who = i.trainingTeam() == null ? "users" : "users of team " + i.trainingTeam();
        if (audience.isEmpty()) {
            return ProbeResult.missing("no " + who, "add the " + who + " to train");
        }
        Set<String> trained = context.items().stream()
                .filter(item -> item.kind() == ChecklistItem.Kind.TRAINING && item.isDone() && item.userId() != null)
                .map(ChecklistItem::userId).collect(Collectors.toSet());
        List<User> untrained = audience.stream().filter(u -> !trained.contains(u.id())).toList();
        double share = (double) (audience.size() - untrained.size()) / audience.size();
        String evidence = (audience.size() - untrained.size()) + " of " + audience.size() + " " + who
                + " completed a training";
        if (untrained.isEmpty()) {
            return new ProbeResult(true, evidence, share, null);
        }
        String names = untrained.stream().limit(10).map(User::name).collect(Collectors.joining(", "))
                + (untrained.size() > 10 ? " and " + (untrained.size() - 10) + " more" : "");
        return new ProbeResult(false, evidence, share, "train " + names + " (record each completed training as a"
                + " TRAINING item with the user)");
    }
}
