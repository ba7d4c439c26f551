"""Names of things outside the six types: languages, modalities, organisations, diseases, hardware, formats.

The corpus graph holds models, datasets, benchmarks, methods, tasks and metrics. A name of
a language ("Brazilian Portuguese", "German Sign Language"), an imaging or sensing modality
("X-ray", "VIS-NIR", "LWIR"), an organisation ("Visual Geometry Group", "NASA"), a disease
("Parkinson's disease") or a piece of hardware ("Jetson Orin NX", "Graphical User
Interface"), a file format or codec ("DICOM", "HEVC"), a platform ("Twitter", "Kaggle") or a
mobile network generation ("6G") is none of them, whatever cue typed it in one abstract
("German Sign Language corpora", "X-ray datasets"). `outside_kind` says which such thing a name names, from its
words; `names_outside` does the same for the head of a definition's long form ("Low Earth
Orbit (LEO)", "coronary CT angiography (CCTA)"), which makes the acronym a term.

The word lists are general knowledge, each with its public source below; none is drawn
from annotations or from judged audit rows.
"""

from __future__ import annotations

import re
from functools import lru_cache

# English names of the ISO 639-1 languages (Library of Congress, ISO 639-2 Registration
# Authority, "Codes for the Representation of Names of Languages"), the common ones, with
# the varieties ISO 639-3 lists as individual languages for Chinese and Arabic.
LANGUAGES = frozenset(
    """afrikaans albanian amharic arabic armenian assamese azerbaijani basque belarusian bengali
    bangla bosnian breton bulgarian burmese catalan cebuano chechen chinese mandarin cantonese
    corsican croatian czech danish dutch english esperanto estonian faroese fijian filipino
    tagalog finnish french frisian galician georgian german greek guarani gujarati haitian hausa
    hawaiian hebrew hindi hmong hungarian icelandic igbo indonesian irish italian japanese
    javanese kannada kashmiri kazakh khmer kinyarwanda kirundi korean kurdish kyrgyz lao latin
    latvian lingala lithuanian luxembourgish macedonian malagasy malay malayalam maltese maori
    marathi mongolian nepali norwegian occitan odia oriya oromo pashto persian farsi polish
    portuguese punjabi quechua romanian russian samoan sanskrit scots serbian sesotho shona
    sindhi sinhala slovak slovenian somali spanish sundanese swahili swedish tajik tamil tatar
    telugu thai tibetan tigrinya tongan tswana turkish turkmen twi ukrainian urdu uyghur uzbek
    vietnamese welsh wolof xhosa yiddish yoruba zulu""".split())

# Words that qualify a language's name: a place or people whose variety it is ("Brazilian
# Portuguese", "Egyptian Arabic"), its register or period, and the nouns "language" and
# "sign language" ("German Sign Language").
_LANGUAGE_QUALIFIERS = frozenset(
    """brazilian european american british canadian australian mexican argentinian egyptian
    moroccan algerian tunisian levantine gulf iraqi saudi emirati swiss austrian belgian
    flemish latin modern standard classical old middle ancient simplified traditional
    colloquial dialectal written spoken sign language languages dialect dialects""".split())

# Countries by their English short names (ISO 3166-1), the ones papers name most, and the
# unions of them: a country is the place data come from, not the data ("United States").
COUNTRIES = frozenset(" ".join(c.split()) for c in
    """united states|united kingdom|china|india|japan|germany|france|italy|spain|canada|brazil|
    mexico|australia|russia|south korea|korea|indonesia|turkey|saudi arabia|iran|egypt|nigeria|
    kenya|south africa|ethiopia|pakistan|bangladesh|vietnam|thailand|malaysia|philippines|
    singapore|netherlands|switzerland|sweden|norway|denmark|finland|poland|ukraine|greece|
    portugal|argentina|chile|colombia|peru|new zealand|ireland|israel|taiwan|hong kong|
    european union|africa|europe|asia|latin america|north america|south america""".split("|"))

# Imaging and sensing modalities: the DICOM modality defined terms (DICOM PS3.3, C.7.3.1.1.1)
# and their common long names, the bands of ISO 20473 and remote sensing, and MRI sequences.
MODALITIES = frozenset(
    """x-ray xray cxr ct mri mr fmri dmri dwi pet spect cbct cta ccta oct octa ultrasound
    sonography mammography angiography tomography radiography fluoroscopy endoscopy
    colonoscopy dermoscopy fundus histopathology ecg ekg eeg emg meg fnirs ppg
    rgb rgba rgbd rgb-d rgbt rgb-t nir swir mwir lwir vis uv ir thermal infrared
    near-infrared hyperspectral multispectral sar lidar radar depth
    t1 t2 t1w t2w t1ce t1c t1gd flair swi adc""".split())  # MRI sequences (BraTS, DICOM PS3.16 CID 7203)

# Head words of organisations' names (the suffixes of the GLEIF legal-form list and the
# common English words for bodies: ISO 20275 entity legal forms; Wikipedia, "Organization").
# Not "group" or "association": "Residual Group" and "Object Association" are methods.
_ORGANISATION_HEADS = frozenset(
    """institute institution university laboratory laboratories lab labs agency
    administration consortium foundation society organization organisation
    corporation company inc inc. ltd ltd. llc ministry department council committee bureau
    academy college school hospital commission authority""".split())

# Organisations by their short names: the US federal agencies that fund or publish data
# (USA.gov, "A-Z index of U.S. government departments and agencies"), the international
# bodies (UN system chart), the standards bodies, and the companies that publish the
# large models (their own sites). Not "Amazon" (the Amazon review datasets) nor "ESA".
ORGANISATIONS = frozenset(
    """NASA NOAA USDA NIH NIST NSF DARPA FDA CDC EPA USGS DOE NCI NLM NHS WHO UNESCO UNICEF
    OECD IMF JAXA CERN EMBL IEEE ACM ISO IEC ITU W3C IETF OpenAI Anthropic DeepMind
    Google Microsoft NVIDIA Nvidia Meta Apple IBM Baidu Alibaba Tencent ByteDance
    Huawei Samsung Intel AMD Qualcomm xAI""".split())

# Diseases and disorders: the head nouns of ICD-11 chapter and block titles.
_DISEASE_HEADS = frozenset(
    """disease diseases disorder disorders syndrome syndromes cancer cancers carcinoma tumor
    tumour tumors tumours infection infections impairment dementia diabetes neuropathy neuropathies
    retinopathy pneumonia sclerosis epilepsy arthritis fibrillation hypertension embolism""".split())

# Hardware: device heads, and product lines from their vendors' pages (NVIDIA Jetson and
# data-centre GPUs, Raspberry Pi, Arduino, Apple, Qualcomm Snapdragon, Intel RealSense,
# Microsoft Kinect and HoloLens); "interface" and "orbit" name what a system runs on or in.
# A head noun after a number names a dataset's part ("Argoverse 2 Sensor" dataset).
_HARDWARE_HEADS = frozenset(
    """sensor sensors camera cameras chip chips processor processors gpu gpus cpu cpus tpu tpus
    microcontroller microcontrollers smartphone smartphones headset headsets interface
    interfaces orbit orbits satellite satellites antenna antennas""".split())
_HARDWARE_LINES = frozenset(
    """Jetson Raspberry Arduino iPhone iPad Snapdragon RealSense Kinect HoloLens GeForce
    Xeon Ryzen""".split())
_PROCESSORS = frozenset("cpu cpus gpu gpus tpu tpus npu npus fpga fpgas asic asics dsp".split())
_GPU_CODE = re.compile(r"^(?:[AHVBP]100|[HB]200|RTX)$")

# File and media formats (IANA media-type registry subtypes, the DICOM and NIfTI medical
# formats, the W3C's RDF and OWL) and video and image codecs (ITU-T H.264/AVC, H.265/HEVC, H.266/VVC; AOMedia AV1):
# the shape data are stored in, not data ("DICOM images", "HEVC bitstreams").
FORMATS = frozenset(
    """DICOM NIfTI NIFTI JPEG JPG PNG TIFF GIF BMP WebP HEIC PDF HTML XML JSON JSONL CSV TSV
    YAML SVG MP3 MP4 WAV FLAC MPEG OWL RDF HEVC AVC VVC AV1 VP9 H.264 H.265 H.266 RAW OpenEXR EXR
    GeoTIFF NetCDF HDF5 Parquet""".split())
# Platforms that host what people post or publish, and engines that store it (their own
# sites): the place data come from ("Twitter posts", "Kaggle competitions"), not data,
# unless most of its papers call it data (`evidence._names_outside_types`).
PLATFORMS = frozenset(
    """Twitter Reddit TikTok YouTube Instagram Facebook Weibo WeChat Telegram Discord
    WhatsApp LinkedIn Bilibili Douyin GitHub GitLab Kaggle arXiv Zenodo StackOverflow
    SQLite MySQL PostgreSQL MongoDB""".split()) | {"Stack Overflow", "Hugging Face Hub", "Amazon Mechanical Turk"}
# Generations of mobile networks (ITU IMT-2000, IMT-Advanced, IMT-2020, IMT-2030): "5G", "6G".
_MOBILE_GENERATION = re.compile(r"^[2-6]G(?:[\s-](?:LTE|NR))?$")

_WORDS = re.compile(r"[A-Za-z][A-Za-z'.-]*")


def outside_kind(name: str) -> str | None:
    """Which thing outside the six types a name names: "language", "place", "modality",
    "organisation", "disease", "hardware", "format", "platform", "standard", or None.

    Args:
        name: an entity's name.
    """
    words = name.replace("/", " ").split()
    if not words:
        return None
    lower = [w.lower().rstrip(".,") for w in words]
    parts = [p for w in lower for p in w.split("-")]  # a language pair: "English-German"
    if _is_language(parts):
        return "language"
    if " ".join(lower) in COUNTRIES:
        return "place"
    if all(_is_modality(w) for w in lower) or _is_media_compound(parts):
        return "modality"
    if name in ORGANISATIONS or (len(words) > 1 and words[-1][:1].isupper() and lower[-1] in _ORGANISATION_HEADS):
        return "organisation"
    if len(words) > 1 and lower[-1] in _DISEASE_HEADS:
        return "disease"
    if all(p in _PROCESSORS for p in parts) or any(w in _HARDWARE_LINES for w in words) or any(_GPU_CODE.match(w) for w in words) or (
            len(words) > 1 and lower[-1] in _HARDWARE_HEADS and not any(c.isdigit() for c in name)):
        return "hardware"
    if name in FORMATS:
        return "format"
    if name in PLATFORMS:
        return "platform"
    return "standard" if _MOBILE_GENERATION.match(name) else None


def _is_language(parts: list[str]) -> bool:
    """Whether the lower-case parts of a name's words name a language ("English-German")."""
    signed = "sign" in parts and parts[-1].startswith("language")  # "American Sign Language"
    return (any(p in LANGUAGES for p in parts) or signed) and all(
        p in LANGUAGES or p in _LANGUAGE_QUALIFIERS for p in parts)


def _is_modality(word: str) -> bool:
    """A modality, or two joined by a hyphen ("VIS-NIR", "PET-CT"), or a weighting ("T1-weighted")."""
    if word in MODALITIES:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in MODALITIES for p in parts)


# The media a model reads or writes, besides the sensing modalities above: a name made of
# them alone ("Vision-Language-Action", "RGB-Event", "EEG-text") names what a class of
# models or a kind of data pairs, not one model or dataset. "X-to-Y" is not read so: it
# names a conversion ("text-to-speech").
_MEDIA = frozenset("vision language action audio visual video text image speech event motion tactile".split())


def _is_media_compound(parts: list[str]) -> bool:
    """Two or more parts, all media or modalities, at least one of them a medium above."""
    return (len(parts) >= 2 and any(p in _MEDIA for p in parts)
            and all(p in _MEDIA or (p in MODALITIES and p.isalpha()) for p in parts))


# Fields of study, by the heads of their names (ISCED-F 2013 broad and narrow fields): a
# field defined by an acronym is a term ("computational social science (CSS)").
_FIELD_HEADS = frozenset(
    """science sciences studies informatics linguistics humanities economics psychology
    sociology neuroscience bioinformatics medicine""".split())


@lru_cache(maxsize=65536)
def names_outside(long_form: str) -> bool:
    """Whether a definition's long form names a thing outside the six types by its head word
    ("Low Earth Orbit", "World Health Organization", "coronary CT angiography"), or a field
    ("computational social science").

    Cached: the votes ask it of a definition for each mention it defines (3,552 calls on
    the first 3,000 abstracts, 1,721 long forms)."""
    words = _WORDS.findall(long_form)
    if not words:
        return False
    head = words[-1].lower()
    # `outside_kind(long_form) == "language"`, without `outside_kind`'s other tests: the
    # 3,551 calls of a 3,000-abstract pass took 21.7 ms that way, 6.4 ms this way.
    return (head in _OUTSIDE_HEADS or head in MODALITIES
            or _is_language([p for w in long_form.replace("/", " ").split()
                             for p in w.lower().rstrip(".,").split("-")]))


# The heads `names_outside` reads, united once (not on every call).
_OUTSIDE_HEADS = _ORGANISATION_HEADS | _DISEASE_HEADS | _HARDWARE_HEADS | _FIELD_HEADS
