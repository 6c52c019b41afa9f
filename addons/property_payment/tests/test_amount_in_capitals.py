# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import BaseCase

from ..models.amount_words import amount_in_capitals


class TestAmountInCapitals(BaseCase):
    def test_amounts_as_receipts_write_them(self):
        cases = {
            0: "零元整",
            0.05: "伍分",
            1.05: "壹元零伍分",
            10: "壹拾元整",
            101: "壹佰零壹元整",
            1010: "壹仟零壹拾元整",
            1280.5: "壹仟贰佰捌拾元伍角整",
            3.14: "叁元壹角肆分",
            10010: "壹万零壹拾元整",
            20000: "贰万元整",
            60000.07: "陆万元零柒分",
            100000001: "壹亿零壹元整",
            100010000: "壹亿零壹万元整",
            -8: "负捌元整",
            # rounded to the fen, half up
            2.675: "贰元陆角捌分",
        }
        for amount, words in cases.items():
            with self.subTest(amount=amount):
                self.assertEqual(amount_in_capitals(amount), words)
