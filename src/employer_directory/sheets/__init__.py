"""Printable outputs (A4): the three sheets per employer, the pamphlet, blank forms, the packet.

Seed 004 names the three sheets (事業所紹介シート, 相談者向け・支援員向けプログラム情報シート) and the
participant self-introduction form; seed 003 shows the task breakdown sheet; seed 000 the
pamphlet of cooperating employers. Each module here says *what* a printout shows; the markup is
in ``overrides/sheets/`` and the print rules in ``content/assets/print.css``.
"""
