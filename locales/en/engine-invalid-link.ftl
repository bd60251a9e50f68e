# Why a share link could not be opened (src/share.rs, ShareError::msg).

## Share links (src/share.rs): why a link could not be opened.

invalid-link-no-lab = the link has no lab in it (it should end in #lab=…)
invalid-link-too-long = the link is too long ({ $count } characters; a lab link is at most { $max })
invalid-link-bad-character = the link is damaged: character { $position } is not one a lab link can contain
invalid-link-damaged = the link is incomplete or damaged ({ $reason }); it may have been cut off when it was copied
invalid-link-ends-early = it ends too early
invalid-link-mid-character = it ends in the middle of a character
invalid-link-checksum = its checksum does not match
invalid-link-not-ours = it is not compressed data Packet Lab wrote
invalid-link-too-large = the link's lab is larger than 1 MB once unpacked, which Packet Lab refuses
invalid-link-not-text = the link is damaged: its contents are not text
invalid-link-field = the link's lab is not valid: { $path }: { $message }
invalid-link-not-a-lab = not a lab ({ $detail })
invalid-link-not-an-object = not a lab (expected a JSON object)
invalid-link-version = this link was made by another version of Packet Lab (format { $format }, this one reads { $version })
invalid-link-missing = missing
invalid-link-not-whole = { $value } is not a whole number ≥ 0
invalid-link-out-of-range = out of range
invalid-link-speed = { $value } is not a speed (0–{ $max })
invalid-link-not-bool = { $value } is not true or false
invalid-link-event-class = { $value } is not an event class
invalid-link-not-list = { $value } is not a list
invalid-link-view = expected [x, y, width, height] with width and height > 0
invalid-link-scale = { $value }% is not a presenter scale ({ $scales })
invalid-link-whatif-left-out = The link's what-if variant was left out ({ $error }); the original lab is open.
invalid-link-unknown-field = unknown field
invalid-link-expected-object = expected an object

# The sequence diagram's settings in a share link ("story": {…}) or an embed URL (view=, lanes=,
# hide=), src/story/link.rs: a bad one is left at its default and named here. The values are
# quoted as the link spells them.
invalid-story-note = Part of the link's sequence-diagram settings was not used: { $problems }. The default is shown instead.
invalid-story-not-object = story is { $value }, not an object
invalid-story-open = story.open is { $value }, not true or false
invalid-story-lanes-names = story.lanes should be a list of device names
invalid-story-lanes = story.lanes is { $value }, not a list of device names
invalid-story-hide = story.hide is { $value }, not a list
invalid-story-unknown = story.{ $key } is not a story setting
invalid-story-view = view={ $value } is not a view (diagram or network)
invalid-story-lane = the lab has no device { $device } for a lane
invalid-story-filter = { $value } is not a filter (arp, dhcp, dns or ack)
