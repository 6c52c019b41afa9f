# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from odoo.addons.property_service_desk.tests.common import PropertyCommon


@tagged("post_install", "-at_install")
class TestCustody(PropertyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["property.occupancy"].create(
            {
                "unit_id": cls.unit_a2.id,
                "partner_id": cls.owner_a.id,
                "role": "owner",
                "date_start": "2020-01-01",
                "is_fee_payer": True,
            }
        )

    def test_only_an_unoccupied_unit_of_the_owner_goes_into_custody(self):
        self.env["property.occupancy"].create(
            {
                "unit_id": self.unit_a1.id,
                "partner_id": self.tenant_a.id,
                "role": "tenant",
                "date_start": "2024-01-01",
            }
        )
        with self.assertRaisesRegex(ValidationError, "is let"), self.cr.savepoint():
            self._custody()
        with self.assertRaisesRegex(ValidationError, "is not an owner"), self.cr.savepoint():
            self.env["property.custody"].with_user(self.assistant_a).create(
                {
                    "unit_id": self.unit_a2.id,
                    "partner_id": self.owner_b.id,
                    "water_start": 1.0,
                    "electricity_start": 1.0,
                }
            )
        custody = self._custody(self.unit_a2)
        with self.assertRaisesRegex(ValidationError, "cannot end before"), self.cr.savepoint():
            custody.write({"date_start": date(2026, 5, 1), "date_end": date(2026, 4, 1)})

    def test_an_agreement_is_named_by_its_unit_and_owner(self):
        custody = self._custody(self.unit_a2)
        self.assertEqual(custody.display_name, f"{self.unit_a2.display_name} · {self.owner_a.name}")

    def test_a_corrected_reading_over_the_limit_alerts(self):
        custody = self._custody(self.unit_a2)
        reading = (
            self.env["property.custody.reading"]
            .with_user(self.assistant_a)
            .create({"custody_id": custody.id, "water": 101.0, "electricity": 2001.0})
        )
        self.assertFalse(custody.activity_ids)
        reading.water = 130.0  # the reading was mistyped: it really was 130
        self.assertTrue(custody.over_limit)
        self.assertEqual(custody.activity_ids.user_id, self.supervisor_a)
        # the alert is not silenced by writing its flag back
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            custody.alert_sent = False

    def _custody(self, unit=None):
        return (
            self.env["property.custody"]
            .with_user(self.assistant_a)
            .create(
                {
                    "unit_id": (unit or self.unit_a1).id,
                    "partner_id": self.owner_a.id,
                    "water_start": 100.0,
                    "electricity_start": 2000.0,
                }
            )
        )

    def test_custody_makes_the_unit_entrusted_once(self):
        self.unit_a1.with_user(self.supervisor_a).state = "vacant"
        custody = self._custody()
        self.assertEqual(self.unit_a1.state, "entrusted")  # billed at the custody share
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self._custody()
            self.env.flush_all()
        # the custody ends by its action, not by writing its state or by the unit's
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            custody.state = "ended"
        with self.assertRaisesRegex(UserError, "Only the supervisor corrects the status"):
            self.unit_a1.with_user(self.assistant_a).state = "vacant"
        custody.action_end()
        self.assertEqual(self.unit_a1.state, "vacant")
        self.assertEqual(custody.state, "ended")
        self.assertEqual(custody.date_end, self.estate_a._local_today())

    def test_meters_moving_during_custody_alert_once(self):
        custody = self._custody()
        Reading = self.env["property.custody.reading"].with_user(self.assistant_a)
        with self.assertRaises(ValidationError):
            Reading.create({"custody_id": custody.id, "water": 99.0, "electricity": 2000.0})
        Reading.create({"custody_id": custody.id, "water": 104.5, "electricity": 2015.0})
        self.assertFalse(custody.over_limit)
        self.assertFalse(custody.activity_ids)
        Reading.create({"custody_id": custody.id, "water": 105.5, "electricity": 2016.0})
        self.assertTrue(custody.over_limit)
        self.assertEqual(custody.activity_ids.user_id, self.supervisor_a)
        Reading.create({"custody_id": custody.id, "water": 106.0, "electricity": 2030.0})
        self.assertEqual(len(custody.activity_ids), 1)
        other = self._custody(self.unit_a2)
        Reading.create({"custody_id": other.id, "water": 100.0, "electricity": 2020.5})
        self.assertTrue(other.over_limit)  # electricity above 20

    def test_weekly_and_storm_rounds(self):
        self.unit_a1.with_user(self.supervisor_a).state = "vacant"
        self._custody(self.unit_a2)
        cron = "property_custody.ir_cron_vacancy_rounds"
        with freeze_time(date(2026, 3, 3)):  # a Tuesday
            self._run_cron(cron)
        with freeze_time(date(2026, 3, 6)):  # same week
            self._run_cron(cron)
        Round = self.env["property.vacancy.round"]
        weekly = Round.search([("estate_id", "=", self.estate_a.id), ("kind", "=", "weekly")])
        self.assertEqual(len(weekly), 1)
        self.assertEqual(weekly.line_ids.unit_id, self.unit_a1 | self.unit_a2)
        # the front desk starts the round after the storm
        action = (
            self.estate_a.with_user(self.assistant_a)
            .with_context(storm_kind="storm_after")
            .action_storm_round()
        )
        storm = Round.with_user(self.assistant_a).browse(action["res_id"])
        self.assertEqual(storm.kind, "storm_after")
        self.assertEqual(storm.line_ids.unit_id, self.unit_a1 | self.unit_a2)
        with self.assertRaises(UserError):
            storm.action_done()  # nothing checked yet
        storm.line_ids.write(
            {
                "checked": True,
                "doors_closed": True,
                "taps_off": True,
                "power_off": True,
                "nothing_missing": True,
                "nobody_staying": True,
            }
        )
        storm.line_ids[0].doors_closed = False
        storm.action_done()
        self.assertEqual(storm.activity_ids.user_id, self.supervisor_a)
