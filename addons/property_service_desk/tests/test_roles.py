# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks over the whole suite, as its people: every estate-bound model behind an estate
wall, every guarded field refused to a direct write, every menu readable by every role
that sees it."""

from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from ..translations import SUITE_PREFIX
from .common import suite_records

DEMO_ROLES = (
    "property_service_desk.user_assistant_demo",
    "property_service_desk.user_supervisor_demo",
    "property_service_desk.user_director_demo",
    "property_service_desk.user_engineer_demo",
    "property_service_desk.user_finance_demo",
    "property_service_desk.user_security_demo",
    "base.user_admin",
)


def suite_models(env):
    """The concrete models the suite defines (not the ones it extends)."""
    models = []
    for name, model in env.registry.items():
        if model._abstract or model._transient:
            continue
        if not (model._original_module or "").startswith(SUITE_PREFIX):
            continue
        models.append(name)
    return sorted(models)


def estate_path(env, name):
    """How a record of ``name`` reaches its estate, or None."""
    fields = env[name]._fields
    estate = fields.get("estate_id")
    if (
        estate is not None
        and estate.type == "many2one"
        and estate.comodel_name == "property.estate"
    ):
        return "estate_id"
    if name == "property.estate":
        return "id"
    for field in fields.values():
        if field.type != "many2one" or not field.required or field.comodel_name == name:
            continue
        parent = env[field.comodel_name]._fields.get("estate_id")
        if parent is not None and parent.comodel_name == "property.estate":
            return f"{field.name}.estate_id"
    return None


@tagged("post_install", "-at_install")
class TestSuiteRoles(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # staff of every role short of the administrator, assigned to no estate: sees no
        # estate's data
        cls.outsider = new_test_user(
            cls.env,
            login="psd_roles_outsider",
            groups="property_service_desk.group_property_director,"
            "property_service_desk.group_property_engineering,"
            "property_service_desk.group_property_security,"
            "property_service_desk.group_property_finance",
        )
        cls.admin_user = new_test_user(
            cls.env,
            login="psd_roles_admin",
            groups="property_service_desk.group_property_manager,"
            "property_service_desk.group_property_finance",
        )

    def test_staff_do_not_reach_the_apps(self):
        """Odoo's install requests open the Apps menu to every user; the service centre's
        staff install nothing (a dead end of English module descriptions)."""
        apps = self.env.ref("base.menu_management")
        Menu = self.env["ir.ui.menu"]
        self.assertNotIn(apps.id, Menu.with_user(self.outsider)._visible_menu_ids())
        self.assertIn(apps.id, Menu.with_user(self.env.ref("base.user_admin"))._visible_menu_ids())

    def test_every_estate_model_has_a_working_estate_rule(self):
        Rule = self.env["ir.rule"].with_user(self.outsider)
        checked = []
        for name in suite_models(self.env):
            path = estate_path(self.env, name)
            if not path:
                continue
            with self.subTest(model=name):
                domain = str(Rule._compute_domain(name, "read"))
                self.assertIn("user_ids", domain, f"{name} has no estate record rule for staff")
                # and it works: the outsider sees none of the records that have an estate
                Model = self.env[name]
                with_estate = Model.search_count([(path, "!=", False)])
                if with_estate and Model.with_user(self.outsider).has_access("read"):
                    self.assertFalse(
                        Model.with_user(self.outsider).search_count([(path, "!=", False)]),
                        f"{name}: staff of no estate see estate records",
                    )
                checked.append(name)
        # whichever addons are installed, the base's own estate-bound models are among them
        self.assertLessEqual(
            {"property.building", "property.unit", "property.occupancy", "property.document"},
            set(checked),
        )

    def test_one_record_rule_idiom_and_a_company_rule_everywhere(self):
        rules = suite_records(self.env, "ir.rule")
        xmlids = rules.get_external_id()
        # a group per rule, as core writes them, not the user's groups tested in the domain;
        # the one global estate rule of requests says in the data file why it is global
        self.assertLessEqual(
            {xmlids[r.id].split(".")[1] for r in rules if "has_group" in (r.domain_force or "")},
            {"helpdesk_ticket_rule_property_estate"},
        )
        company_rules = self.env["ir.rule"].search([("global", "=", True)])
        for name in suite_models(self.env):
            company = self.env[name]._fields.get("company_id")
            if company is None or not company.store:
                continue
            with self.subTest(model=name):
                self.assertTrue(
                    company_rules.filtered(
                        lambda r, name=name: r.model_id.model == name
                        and "company_ids" in (r.domain_force or "")
                    ),
                    f"{name} has a company but no multi-company rule",
                )

    def test_every_model_behind_a_menu_has_a_search_view(self):
        actions = suite_records(self.env, "ir.actions.act_window")
        searched = set(self.env["ir.ui.view"].search([("type", "=", "search")]).mapped("model"))
        ours = set(suite_models(self.env))
        missing = sorted(set(actions.mapped("res_model")) & ours - searched)
        self.assertFalse(missing, "models listed by an action but with no search view")

    def test_every_screen_has_a_readable_address(self):
        actions = suite_records(self.env, "ir.actions.act_window")
        screens = actions.filtered(lambda a: a.target != "new")
        self.assertFalse(
            sorted(screens.filtered(lambda a: not a.path).get_external_id().values()),
            "actions opened as screens without a path (/odoo/<path>)",
        )

    def _other_value(self, record, name):
        field = record._fields[name]
        value = record[name]
        if field.type == "selection":
            options = [key for key, _label in field._description_selection(self.env)]
            return next(key for key in options if key != value)
        if field.type == "boolean":
            return not value
        if field.type == "many2one":
            other = self.env[field.comodel_name].search([("id", "!=", value.id)], limit=1)
            return other.id
        if field.type == "date":
            return date(2020, 1, 1)
        if field.type == "datetime":
            return datetime(2020, 1, 1, 8, 0)
        if field.type in ("float", "monetary", "integer"):
            return (value or 0) + 1
        return "forged"

    def test_guarded_fields_refuse_a_direct_write(self):
        Mixin = self.env.registry["property.guarded.mixin"]
        covered = []
        for name, model_class in self.env.registry.items():
            if model_class._abstract or not issubclass(model_class, Mixin):
                continue
            guarded = model_class._guarded_field_map()
            if not guarded:
                continue
            for field_name in guarded:
                self.assertIn(field_name, model_class._fields, f"{name}.{field_name}")
            record = self.env[name].search([], limit=1)
            if not record:
                continue
            for field_name in guarded:
                with self.subTest(model=name, field=field_name):
                    value = self._other_value(record, field_name)
                    with self.assertRaisesRegex(AccessError, "cannot be written directly"):
                        record.with_user(self.admin_user).write({field_name: value})
            covered.append(name)
        # every installed model with guarded fields and a record was tried
        self.assertEqual(
            sorted(covered),
            sorted(
                name
                for name, model_class in self.env.registry.items()
                if not model_class._abstract
                and issubclass(model_class, Mixin)
                and model_class._guarded_field_map()
                and self.env[name].search_count([], limit=1)
            ),
        )

    def _eval_context(self, user):
        return {
            "uid": user.id,
            "user": user,
            "context_today": lambda: date.today(),
            "datetime": datetime,
            "relativedelta": relativedelta,
            "active_id": False,
            "active_ids": [],
            "allowed_company_ids": user.company_ids.ids,
            "company_id": user.company_id.id,
        }

    def test_every_role_reads_every_menu_it_sees(self):
        """For every menu of the suite and every demo role that sees it: the list, kanban
        and form of the action's records read as that user, every field the views show."""
        menus = self.env["ir.ui.menu"].search([])
        xmlids = menus.get_external_id()
        suite_menus = menus.filtered(
            lambda m: (xmlids.get(m.id) or "").startswith(SUITE_PREFIX) and m.action
        )
        opened = 0
        for xmlid in DEMO_ROLES:
            user = self.env.ref(xmlid)
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for menu in suite_menus.filtered(lambda m, visible=visible: m.id in visible):
                action = menu.action.sudo()
                if action._name != "ir.actions.act_window":
                    continue
                with self.subTest(user=user.login, menu=xmlids[menu.id]):
                    context = self._eval_context(user)
                    domain = safe_eval(action.domain or "[]", context)
                    Model = self.env[action.res_model].with_user(user)
                    view_types = [
                        vt for vt in action.view_mode.split(",") if vt in ("list", "kanban", "form")
                    ]
                    if action.view_id and action.view_id.type in view_types:
                        views = [(action.view_id.id, action.view_id.type)]
                    else:
                        views = []
                    views += [(False, vt) for vt in view_types if vt not in dict(views).values()]
                    if "form" not in dict(views).values():
                        views.append((False, "form"))
                    result = Model.get_views(views)
                    # the fields of the record itself (not those of embedded lines), as
                    # the arch shows them to this user
                    shown = set()
                    for view in result["views"].values():
                        arch = etree.fromstring(view["arch"])
                        shown.update(arch.xpath("//field[not(ancestor::field)]/@name"))
                    shown = [f for f in shown if f in Model._fields]
                    records = Model.search(domain, limit=3)
                    records.read(shown)
                    opened += 1
        # at least the base's master-data screens, for each role that sees them
        self.assertGreaterEqual(opened, 5)
