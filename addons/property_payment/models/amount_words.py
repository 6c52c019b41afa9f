# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An amount of yuan in Chinese capital numerals (人民币大写), as receipts and cheques
write it: 1 280.50 → 壹仟贰佰捌拾元伍角整."""

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ((1000, "仟"), (100, "佰"), (10, "拾"), (1, ""))
GROUPS = ("", "万", "亿", "万亿")


def _group(number):
    """0 < number < 10 000, without leading or trailing 零."""
    text, zero = "", False
    for place, name in PLACES:
        digit = number // place % 10
        if not digit:
            zero = bool(text)
            continue
        if zero:
            text += DIGITS[0]
            zero = False
        text += DIGITS[digit] + name
    return text


def _integer(number):
    groups = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    if len(groups) > len(GROUPS):
        raise ValueError("amount too large to write in words")
    text, zero = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            zero = bool(text)
            continue
        if text and (zero or group < 1000):
            text += DIGITS[0]
        text += _group(group) + GROUPS[index]
        zero = False
    return text


def amount_in_capitals(amount):
    """``amount`` (yuan, rounded to the fen) in capital numerals."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "负" if value < 0 else ""
    fen_total = int(abs(value) * 100)
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    text = _integer(yuan) + "元" if yuan else ""
    if not jiao and not fen:
        return sign + (text or "零元") + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif text:
        text += DIGITS[0]
    text += DIGITS[fen] + "分" if fen else "整"
    return sign + text
