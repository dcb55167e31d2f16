package org.openencoder.accounts.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openencoder.accounts.Account;
import org.openencoder.accounts.Accounts;
import org.openencoder.accounts.Meters;
import org.openencoder.accounts.Plan;
import org.openencoder.accounts.PlanProvider;
import org.openencoder.accounts.Role;
import org.openencoder.accounts.SecurityEvents;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Administrators' pages (/admin/**, role ADMINISTRATOR): users, plans and usage per user. */
@Controller
class AdminController {

  private final Accounts accounts;
  private final Meters meters;
  private final PlanProvider plans;
  private final SecurityEvents events;

  AdminController(Accounts accounts, Meters meters, PlanProvider plans, SecurityEvents events) {
    this.accounts = accounts;
    this.meters = meters;
    this.plans = plans;
    this.events = events;
  }

  record UserRow(Account account, Integer quota, int used) {}

  @GetMapping("/admin/users")
  String users(Model model) {
    List<UserRow> rows =
        accounts.all().stream()
            .map(a -> new UserRow(a, meters.quota(a), meters.usedThisPeriod(a)))
            .toList();
    model.addAttribute("users", rows);
    model.addAttribute("period", meters.properties().period().noun());
    model.addAttribute("events", events.recent(50));
    return "accounts/admin-users";
  }

  @GetMapping("/admin/users/{id}")
  String user(@PathVariable long id, Model model) {
    Account account = account(id);
    model.addAttribute("account", account);
    model.addAttribute("quota", meters.quota(account));
    model.addAttribute("usage", meters.history(account, 12));
    model.addAttribute("codes", meters.codesThisPeriod(account, 100));
    model.addAttribute("events", events.ofAccount(id, 50));
    model.addAttribute("plans", Plan.values());
    model.addAttribute("roles", Role.values());
    return "accounts/admin-user";
  }

  @PostMapping("/admin/users/{id}/plan")
  String plan(@PathVariable long id, @RequestParam String plan, Principal principal) {
    Plan chosen;
    try {
      chosen = Plan.valueOf(plan);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown plan '" + plan + "'");
    }
    plans.change(account(id).id(), chosen, principal.getName());
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/admin/users/{id}/roles")
  String roles(
      @PathVariable long id,
      @RequestParam(required = false) List<String> role,
      Principal principal) {
    Set<Role> chosen = EnumSet.noneOf(Role.class);
    for (String r : role == null ? List.<String>of() : role) {
      try {
        chosen.add(Role.valueOf(r));
      } catch (IllegalArgumentException e) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown role '" + r + "'");
      }
    }
    accounts.setRoles(account(id).id(), chosen, principal.getName());
    return "redirect:/admin/users/" + id;
  }

  @GetMapping("/admin/plans")
  String plans(Model model) {
    model.addAttribute("quotas", meters.properties());
    model.addAttribute("provider", plans.name());
    model.addAttribute("free", accounts.all().stream().filter(a -> a.plan() == Plan.FREE).count());
    model.addAttribute(
        "subscribers", accounts.all().stream().filter(a -> a.plan() == Plan.SUBSCRIBER).count());
    return "accounts/admin-plans";
  }

  private Account account(long id) {
    return accounts
        .byId(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + id));
  }
}
