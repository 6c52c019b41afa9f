# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.tests import HttpCase, new_test_user

from odoo.addons.base.tests.common import BaseCommon

from ..translations import SUITE_PREFIX


def suite_records(env, model):
    """The records of ``model`` that the suite's addons define (by their XML ids)."""
    data = env["ir.model.data"].search(
        [("model", "=", model), ("module", "=like", f"{SUITE_PREFIX}%")]
    )
    return env[model].browse(data.mapped("res_id"))


def new_suite_staff(env, login, **values):
    """A user holding every role of the suite's installed addons."""
    groups = suite_records(env, "res.groups").get_external_id().values()
    return new_test_user(env, login=login, groups=",".join(groups), **values)


class PropertyCommon(BaseCommon):
    """Two estates with a building, units and occupants each, and staff per estate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the tests read what the suite writes in English: the demo company writes in
        # Chinese, which test_i18n checks on its own
        cls.env.company.partner_id.lang = "en_US"
        cls.assistant_a = new_test_user(
            cls.env,
            login="psd_assistant_a",
            groups="property_service_desk.group_property_assistant",
        )
        cls.assistant_b = new_test_user(
            cls.env,
            login="psd_assistant_b",
            groups="property_service_desk.group_property_assistant",
        )
        cls.supervisor_a = new_test_user(
            cls.env,
            login="psd_supervisor_a",
            groups="property_service_desk.group_property_supervisor",
        )
        cls.engineer_a = new_test_user(
            cls.env,
            login="psd_engineer_a",
            groups="property_service_desk.group_property_engineering",
        )
        cls.suite_admin = new_test_user(
            cls.env,
            login="psd_admin",
            groups="property_service_desk.group_property_manager",
        )
        Estate = cls.env["property.estate"]
        cls.estate_a, cls.estate_b = Estate.create(
            [
                {
                    "name": "Estate A",
                    "code": "EA",
                    "tz": "Asia/Shanghai",
                    "supervisor_id": cls.supervisor_a.id,
                    "front_desk_user_ids": [(4, cls.assistant_a.id)],
                    "user_ids": [(4, cls.engineer_a.id)],
                },
                {
                    "name": "Estate B",
                    "code": "EB",
                    "tz": "Asia/Shanghai",
                    "front_desk_user_ids": [(4, cls.assistant_b.id)],
                },
            ]
        )
        Building = cls.env["property.building"]
        cls.building_a, cls.building_b = Building.create(
            [
                {"name": "A1", "code": "1", "estate_id": cls.estate_a.id},
                {"name": "B1", "code": "1", "estate_id": cls.estate_b.id},
            ]
        )
        Unit = cls.env["property.unit"]
        cls.unit_a1, cls.unit_a2, cls.unit_b1 = Unit.create(
            [
                {
                    "code": "1-1-101",
                    "estate_id": cls.estate_a.id,
                    "building_id": cls.building_a.id,
                    "floor": 1,
                    "area": 89.5,
                },
                {
                    "code": "1-1-102",
                    "estate_id": cls.estate_a.id,
                    "building_id": cls.building_a.id,
                    "floor": 1,
                    "area": 120.0,
                },
                {
                    "code": "1-1-101",
                    "estate_id": cls.estate_b.id,
                    "building_id": cls.building_b.id,
                    "floor": 1,
                    "area": 75.0,
                },
            ]
        )
        Partner = cls.env["res.partner"]
        cls.owner_a, cls.tenant_a, cls.owner_b = Partner.create(
            [
                {"name": "Owner A", "email": "owner.a@example.com"},
                {"name": "Tenant A", "email": "tenant.a@example.com"},
                {"name": "Owner B", "email": "owner.b@example.com"},
            ]
        )
        cls.occupancy_a = cls.env["property.occupancy"].create(
            {
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "role": "owner",
                "date_start": "2020-01-01",
                "is_fee_payer": True,
            }
        )
        cls.occupancy_b = cls.env["property.occupancy"].create(
            {
                "unit_id": cls.unit_b1.id,
                "partner_id": cls.owner_b.id,
                "role": "owner",
                "date_start": "2021-06-01",
                "is_fee_payer": True,
            }
        )

    def _run_cron(self, xmlid):
        """Run a scheduled action as the scheduler would (its own cursor, progress
        commits), inside the test transaction."""
        with self.enter_registry_test_mode():
            self.env.ref(xmlid).method_direct_trigger()
        self.env.invalidate_all()


def two_neighbours(env, code):
    """An estate with two occupied units, each owned (and paid for) by a resident with a
    portal login: ``{code}_owner`` and ``{code}_neighbour``, password ``<login>_pw``.
    Returns (unit, other_unit, owner, neighbour)."""
    prefix = code.upper()
    estate = env["property.estate"].create({"name": f"{prefix} Estate", "code": prefix})
    unit, other_unit = env["property.unit"].create(
        [
            {"code": f"{prefix}-101", "estate_id": estate.id, "area": 100, "state": "occupied"},
            {"code": f"{prefix}-102", "estate_id": estate.id, "area": 80, "state": "occupied"},
        ]
    )
    owner, neighbour = env["res.partner"].create(
        [
            {"name": f"{prefix} Owner", "email": f"{code}.owner@example.com"},
            {"name": f"{prefix} Neighbour"},
        ]
    )
    env["property.occupancy"].create(
        [
            {
                "unit_id": u.id,
                "partner_id": p.id,
                "role": "owner",
                "date_start": "2022-01-01",
                "is_fee_payer": True,
            }
            for u, p in ((unit, owner), (other_unit, neighbour))
        ]
    )
    for login, partner in ((f"{code}_owner", owner), (f"{code}_neighbour", neighbour)):
        new_test_user(
            env,
            login=login,
            password=f"{login}_pw",
            groups="base.group_portal",
            partner_id=partner.id,
            name=partner.name,
        )
    return unit, other_unit, owner, neighbour


# a 1×1 PNG: a signature pad's output
SIGNATURE = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    b"YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
SCAN = base64.b64encode(b"scanned page")


class PhoneCommon(HttpCase):
    """A front-desk assistant on a phone-sized screen, for the forms staff fill away
    from the desk."""

    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.estate = cls.env["property.estate"].create(
            {"name": "Phone Estate", "code": "PHONE", "tz": "Asia/Shanghai"}
        )
        cls.staff = new_test_user(
            cls.env,
            login="phone_staff",
            password="phone_staff_pw",
            groups="property_service_desk.group_property_assistant",
        )
        cls.estate.write(
            {"user_ids": [(4, cls.staff.id)], "front_desk_user_ids": [(4, cls.staff.id)]}
        )
