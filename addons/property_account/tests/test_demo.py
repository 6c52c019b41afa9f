# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite's demo is a Chinese property company: what the dependencies' demos bring for
an American furniture shop is out of sight (the suite's test databases carry the demo)."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    def test_the_furniture_shop_of_the_product_demo_is_archived(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "product.template"), ("module", "=", "product")]
        )
        self.assertTrue(data, "the product demo is loaded before the suite's demo")
        templates = (
            self.env["product.template"]
            .with_context(active_test=False)
            .browse(data.mapped("res_id"))
            .exists()
        )
        self.assertTrue(templates)
        self.assertFalse(templates.filtered("active").mapped("name"))

    def test_discuss_speaks_chinese(self):
        """Discuss's canned responses, its channels and what is posted in them."""
        chinese = r"[\u4e00-\u9fff]"
        responses = self.env["mail.canned.response"].search([])
        self.assertTrue(responses)
        for response in responses:
            self.assertRegex(response.substitution, chinese)
        channels = self.env.ref("mail.channel_all_employees") | self.env.ref("mail.channel_admin")
        for channel in channels:
            self.assertRegex(channel.name, chinese)
            self.assertRegex(channel.description, chinese)
        messages = self.env["mail.message"].search(
            [("model", "=", "discuss.channel"), ("res_id", "in", channels.ids)]
        )
        self.assertTrue(messages)
        for message in messages.filtered("body"):
            self.assertRegex(str(message.body), chinese)
