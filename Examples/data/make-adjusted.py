"""Writes haimen-2020-adjusted.txt: the Haimen 2020 decomposition (seed
000_07f1fbb038e9b517.txt) as an adjusted version would change it, for the
`diff` test. Kept for provenance; the test reads the committed output.

Usage: python3 make-adjusted.py SEED.txt OUT.txt

The edits, by the original key-task numbers (the first table; an empty
leader or lead-unit cell is merged with the row above, so every edit keeps
the cells the rows around it inherit):
  35     moved down, after 37
  36     deadline 12月底前 -> 9月底前
  42     leader 沈旭东 -> 姜  勇
  47+48  merged into one task (the texts joined, 47's cells)
  49     lead units 国资办、住建局 -> 财政局、住建局
  50     text reworded (全面…分类改革)
  57     split after its first sentence into two tasks (same cells)
  62     removed
  after 63: a new task added
Then the key tasks are numbered 1, 2, … again, as a reissued table is.
"""
import re
import sys

seed, out = sys.argv[1], sys.argv[2]
src = open(seed, encoding='utf-8').read().split('\n')
end = next(i for i, l in enumerate(src) if l.startswith('2020年为民办实事项目任务分解表'))
number = re.compile(r'\t\d+$')
starts = [i for i in range(end) if number.fullmatch(src[i])]


def cell_range(lines, start, n):
    """Line range in `lines` of cell n of the row starting at `start` (0
    number, 1 text, 2 leaders, 3 lead, 4 co, 5 deadline): its tab line and
    the lines continuing it (a cell may hold blank lines; the ones that end
    it separate rows)."""
    tabbed = [i for i in range(start, len(lines)) if lines[i].startswith('\t')][:7]
    i = tabbed[n]
    j = tabbed[n + 1] if n + 1 < len(tabbed) else len(lines)
    while j - 1 > i and lines[j - 1] == '':
        j -= 1
    return i, j


# A chunk is what separates a row from the row before it (a blank line, the
# empty first cell, a section heading) and then the row's own cells: moving
# a chunk moves the row, and the heading stays with the row it introduces.
ends = [cell_range(src[:end], s, 5)[1] for s in starts]
first_chunk_start = starts[0]
chunks = {}
for k, s in enumerate(starts):
    begin = first_chunk_start if k == 0 else ends[k - 1]
    chunks[k + 1] = src[begin:ends[k]]
head, tail = src[:first_chunk_start], src[ends[-1]:]


def cell(k, n):
    chunk = chunks[k]
    start = next(i for i, l in enumerate(chunk) if number.fullmatch(l))
    return cell_range(chunk, start, n)


def get(k, n):
    i, j = cell(k, n)
    return ''.join(l.lstrip('\t') for l in chunks[k][i:j])


def put(k, n, text):
    i, j = cell(k, n)
    chunks[k][i:j] = ['\t' + text]


put(36, 5, '9月底前')
put(42, 2, '姜  勇')
i, j = cell(49, 3)
chunks[49][i:j] = ['\t财政局', '住建局']
put(50, 1, '全面启动实施公益类事业单位分类改革。')
put(47, 1, get(47, 1) + get(48, 1))
first, second = get(57, 1).split('。', 1)
put(57, 1, first + '。')
i, j = cell(57, 4)
co57 = chunks[57][i:j]

order = list(chunks)
order.remove(48)
order.remove(35)
order.insert(order.index(37) + 1, 35)
order.insert(order.index(57) + 1, 'split')
order.remove(62)
order.insert(order.index(63) + 1, 'new')
extra = {
    'split': ['', '\t', '\t0', '\t' + second, '\t', '\t'] + co57 + ['\t12月底前'],
    'new': ['', '\t', '\t0', '\t加快建设海门港新区综合保税物流中心，力争年内封关运作。', '\t', '\t', '\t', '\t全年'],
}
lines = list(head)
for n, k in enumerate(order, start=1):
    row = list(chunks[k]) if isinstance(k, int) else list(extra[k])
    at = next(i for i, l in enumerate(row) if number.fullmatch(l))
    row[at] = '\t%d' % n
    lines += row
lines += tail
open(out, 'w', encoding='utf-8').write('\n'.join(lines))
